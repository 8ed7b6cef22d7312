/**
 * The built package's types compile in projects without Node: one with `"types": []` (browser,
 * Deno, edge) and one typed by @cloudflare/workers-types alone, both with skipLibCheck off, so
 * that every shipped .d.ts (ESM and CJS) is checked. Run `pnpm build` first; turbo does.
 */
import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, test } from "vitest";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");

async function compile(project: string): Promise<string> {
  const result = await promisify(execFile)(process.execPath, [
    tsc,
    "-p",
    here(`consumers/${project}/tsconfig.json`),
  ]).catch((error: { stdout?: string; stderr?: string }) => ({
    stdout: `${error.stdout ?? ""}${error.stderr ?? ""}` || "tsc failed",
  }));
  return result.stdout;
}

describe("the built package's types", () => {
  test.each(["index.d.ts", "index.d.cts"])(
    "dist/%s imports no node: module and no @types/node global",
    (file) => {
      const path = here(`../../dist/${file}`);
      if (!existsSync(path)) throw new Error(`dist/${file} is missing: run \`pnpm build\` first`);
      const source = readFileSync(path, "utf8");
      expect(source).not.toMatch(
        /from\s+["']node:|import\(["']node:|reference\s+types=["']node["']/,
      );
      expect(source).not.toMatch(/\bNodeJS\.|\bBuffer\b/);
    },
  );

  test('compile in a project with "types": [] and skipLibCheck: false (ESM and CJS entries)', async () => {
    expect(await compile("no-types")).toBe("");
  }, 60_000);

  test("compile in a Cloudflare Worker typed by @cloudflare/workers-types, skipLibCheck: false", async () => {
    expect(await compile("workers")).toBe("");
  }, 60_000);
});
