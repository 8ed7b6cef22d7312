import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { Script } from "node:vm";
import { expect, test } from "vitest";
import { findRepoRoot } from "../../src/spec.js";

const codegenDir = join(import.meta.dirname, "..", "..");
const cacheDir = join(codegenDir, "node_modules", ".cache", "xms-codegen");
const typescriptFile = createRequire(import.meta.url).resolve("typescript");

// The built generator (bin → dist), as `pnpm generate` runs it: TypeScript loads on the document
// thread, which never sees the process's exit, where the cache used to be written.
test("a run that found no code cache leaves one that V8 accepts, written by the document thread", () => {
  rmSync(cacheDir, { recursive: true, force: true });
  const run = spawnSync(
    process.execPath,
    [join(codegenDir, "bin", "xms-codegen.js"), "types", "--check"],
    { cwd: join(findRepoRoot(codegenDir), "packages", "types"), encoding: "utf8" },
  );
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  const files = readdirSync(cacheDir);
  expect(files).toEqual([expect.stringMatching(/^typescript-.*\.v8$/)]);
  const script = new Script(
    (createRequire(import.meta.url)("node:module") as { wrap(s: string): string }).wrap(
      readFileSync(typescriptFile, "utf8"),
    ),
    { filename: typescriptFile, cachedData: readFileSync(join(cacheDir, files[0]!)) },
  );
  expect(script.cachedDataRejected).toBe(false);
});
