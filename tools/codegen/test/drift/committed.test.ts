import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { checkFiles } from "../../src/files.js";
import { findRepoRoot, loadRepoSpec } from "../../src/spec.js";
import { targets } from "../../src/targets/index.js";

// The committed src/generated/ files must be exactly what the generator makes of the committed
// spec: this is what makes CI fail when someone edits the spec or the generator and forgets
// `pnpm generate`, or edits a generated file by hand.
const repoRoot = findRepoRoot(import.meta.dirname);

/** Every workspace package whose `generate` script runs xms-codegen, with its target. */
function generatedPackages(): { dir: string; target: string }[] {
  return ["packages", "tools", "examples"].flatMap((group) => {
    let entries: string[];
    try {
      entries = readdirSync(join(repoRoot, group));
    } catch {
      return [];
    }
    return entries.flatMap((entry) => {
      const dir = join(repoRoot, group, entry);
      let pkg: { scripts?: Record<string, string> };
      try {
        pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as typeof pkg;
      } catch {
        return [];
      }
      const match = /^xms-codegen ([\w-]+)$/.exec(pkg.scripts?.generate ?? "");
      return match?.[1] ? [{ dir: `${group}/${entry}`, target: match[1] }] : [];
    });
  });
}

describe("committed generated files", () => {
  const packages = generatedPackages();

  test("the types, webhook-types and client packages run the generator", () => {
    expect(packages.map((p) => p.target)).toEqual(
      expect.arrayContaining(["types", "webhook-types", "client"]),
    );
  });

  test.each(packages)(
    "$dir is up to date with spec/openapi.yaml ($target)",
    async ({ dir, target }) => {
      const generate = targets[target];
      expect(generate, `unknown target ${target}`).toBeDefined();
      const stale = await checkFiles(await generate!(loadRepoSpec(repoRoot)), join(repoRoot, dir));
      expect(
        stale.map((f) => f.path),
        `stale generated files; run \`pnpm generate\`:\n${stale.map((f) => f.diff).join("\n")}`,
      ).toEqual([]);
    },
  );
});
