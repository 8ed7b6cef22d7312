import { readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, test } from "vitest";
import { findRepoRoot, loadSpec } from "../../src/spec.js";
import { targets } from "../../src/targets/index.js";

// Each fixture spec runs through each target; every file a target writes is compared with its
// golden copy in __golden__/<fixture>/<target>/. After an intended change to the generator,
// review and accept the new output with `pnpm vitest run -u`.
const fixturesDir = join(import.meta.dirname, "..", "fixtures");
const repoRoot = findRepoRoot(import.meta.dirname);
const fixtures = readdirSync(fixturesDir).filter((f) => f.endsWith(".yaml"));
const goldenTargets = Object.keys(targets);

describe.each(fixtures)("fixture %s", (fixture) => {
  const name = basename(fixture, ".yaml");
  const ctx = () => loadSpec(join(fixturesDir, fixture), repoRoot);

  test.each(goldenTargets)("target %s matches its golden files", async (target) => {
    const files = await targets[target]!(ctx());
    for (const file of files) {
      await expect(file.contents).toMatchFileSnapshot(join("__golden__", name, target, file.path));
    }
    // The list of files is part of the output too.
    await expect(files.map((f) => f.path).join("\n") + "\n").toMatchFileSnapshot(
      join("__golden__", name, target, "files.txt"),
    );
  });
});
