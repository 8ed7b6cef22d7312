import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
// The root `pnpm generate` script: committed JavaScript (it builds the generator before using it).
// @ts-expect-error -- a .js file without declarations; its JSDoc types are not checked here
import { main, plan, turboCommand } from "../../bin/xms-generate.js";
import { findRepoRoot } from "../../src/spec.js";

const repoRoot = findRepoRoot(import.meta.dirname);
const bin = join(import.meta.dirname, "..", "..", "bin", "xms-generate.js");
const build = ["run", "build", "--filter=@mehery/xms-codegen"];

describe("pnpm generate maps its flags", () => {
  test("no flag runs the cached turbo task, nothing in process", () => {
    expect(plan([])).toEqual({ turbo: ["run", "codegen", "--log-prefix=none"] });
  });

  test.each([
    ["--force", ["all"]],
    ["--check", ["all", "--check"]],
    ["--watch", ["all", "--watch"]],
  ])("%s builds the generator through turbo, then runs xms-codegen %j in process", (flag, args) => {
    const steps = plan([flag]);
    expect(steps.turbo.slice(0, 3)).toEqual(build);
    expect(steps.codegen).toEqual(args);
  });

  test.each([["--force", "--check"], ["--check", "--watch"], ["--bogus"], ["all"]])(
    "%s %s is refused with the usage and exit code 2",
    async (...argv: string[]) => {
      let err = "";
      const code = await main(argv.filter(Boolean), {
        out: () => {},
        err: (t: string) => void (err += t),
        cwd: repoRoot,
      });
      expect(code).toBe(2);
      expect(err).toContain("Usage: pnpm generate [--force | --check | --watch]");
    },
  );

  test("--help prints the usage and exits 0", async () => {
    let out = "";
    const code = await main(["--help"], {
      out: (t: string) => void (out += t),
      err: () => {},
      cwd: repoRoot,
    });
    expect(code).toBe(0);
    expect(out).toContain("--force      generate every file again");
  });
});

test("turbo is run as its platform binary when installed", () => {
  const [command, leading] = turboCommand();
  expect(existsSync(command)).toBe(true);
  expect(leading).toEqual([]);
});

// End to end through the built generator (turbo builds tools/codegen before its tests): the
// committed files are what `pnpm generate --check` generates, with prettier on its thread.
test("pnpm generate --check passes on the committed files", () => {
  const result = spawnSync(process.execPath, [bin, "--check"], {
    cwd: repoRoot,
    encoding: "utf8",
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" },
  });
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  expect(result.stdout).toMatch(/xms-codegen webhooks: \d+ file\(s\) up to date/);
});
