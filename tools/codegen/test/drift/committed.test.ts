import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { checkFiles } from "../../src/files.js";
import { findRepoRoot, loadRepoSpec } from "../../src/spec.js";
import { targetPackages, targets } from "../../src/targets/index.js";

// The committed src/generated/ files must be exactly what the generator makes of the committed
// spec: this is what makes CI fail when someone edits the spec or the generator and forgets
// `pnpm generate`, or edits a generated file by hand.
const repoRoot = findRepoRoot(import.meta.dirname);

describe("committed generated files", () => {
  const packages = Object.entries(targetPackages).map(([target, dir]) => ({ target, dir }));

  test("every target generates into a package of the repository", () => {
    expect(packages.map((p) => p.target)).toEqual(Object.keys(targets));
    for (const { dir } of packages)
      expect(existsSync(join(repoRoot, dir, "package.json"))).toBe(true);
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
