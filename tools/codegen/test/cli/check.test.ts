import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { main } from "../../src/cli.js";
import { findRepoRoot } from "../../src/spec.js";
import { targetPackages } from "../../src/targets/index.js";

const repoRoot = findRepoRoot(import.meta.dirname);

/** Captures what the CLI prints. */
function capture() {
  const io = { stdout: "", stderr: "" };
  return {
    io,
    out: (cwd: string) => ({
      out: (t: string) => void (io.stdout += t),
      err: (t: string) => void (io.stderr += t),
      cwd,
    }),
  };
}

// A throwaway copy of the repository's shape: workspace marker, prettier config, the real spec,
// and an empty package to generate into.
let root: string;
let pkg: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "xms-codegen-cli-"));
  writeFileSync(join(root, "pnpm-workspace.yaml"), 'packages:\n  - "packages/*"\n');
  cpSync(join(repoRoot, ".prettierrc.json"), join(root, ".prettierrc.json"));
  mkdirSync(join(root, "spec"));
  cpSync(join(repoRoot, "spec", "openapi.yaml"), join(root, "spec", "openapi.yaml"));
  pkg = join(root, "packages", "client");
  mkdirSync(pkg, { recursive: true });
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("xms-codegen <target> [--check]", () => {
  test("writes the target's files under the current directory", async () => {
    const { io, out } = capture();
    expect(await main(["client"], out(pkg))).toBe(0);
    expect(readFileSync(join(pkg, "src/generated/resources.ts"), "utf8")).toContain(
      'path: "/api/v1/message/send"',
    );
    expect(io.stdout).toContain("src/generated/resources.ts");
  });

  test("--check exits 0 and writes nothing when the files are up to date", async () => {
    await main(["client"], capture().out(pkg));
    const { io, out } = capture();
    expect(await main(["client", "--check"], out(pkg))).toBe(0);
    expect(io.stderr).toBe("");
  });

  test("--check exits 1 and prints a unified diff when a file is stale", async () => {
    await main(["client"], capture().out(pkg));
    const file = join(pkg, "src/generated/resources.ts");
    const edited = readFileSync(file, "utf8").replace(
      'path: "/api/v1/message/send"',
      'path: "/api/v1/message/sent"',
    );
    writeFileSync(file, edited);

    const { io, out } = capture();
    expect(await main(["client", "--check"], out(pkg))).toBe(1);
    expect(io.stderr).toContain("--- a/src/generated/resources.ts");
    expect(io.stderr).toContain("+++ b/src/generated/resources.ts");
    expect(io.stderr).toMatch(/^-.*path: "\/api\/v1\/message\/sent"/m);
    expect(io.stderr).toMatch(/^\+.*path: "\/api\/v1\/message\/send"/m);
    expect(io.stderr).toContain("Run `pnpm generate`");
    // --check wrote nothing: the stale edit is still there.
    expect(readFileSync(file, "utf8")).toBe(edited);
  });

  test("--check exits 1 and names a missing file", async () => {
    const { io, out } = capture();
    expect(await main(["client", "--check"], out(pkg))).toBe(1);
    expect(io.stderr).toContain("src/generated/resources.ts (missing)");
  });

  test("--check fails when the spec changed after the files were generated", async () => {
    await main(["client"], capture().out(pkg));
    const specPath = join(root, "spec", "openapi.yaml");
    writeFileSync(
      specPath,
      readFileSync(specPath, "utf8").replace("x-sdk-method: send\n", "x-sdk-method: post\n"),
    );
    const { io, out } = capture();
    expect(await main(["client", "--check"], out(pkg))).toBe(1);
    expect(io.stderr).toContain("+    post: {");
  });

  test("an unknown target exits 2 and lists the targets", async () => {
    const { io, out } = capture();
    expect(await main(["nope"], out(pkg))).toBe(2);
    expect(io.stderr).toContain('unknown target "nope"');
    expect(io.stderr).toContain("types, webhooks, client, webhook-types");
  });
});

describe("xms-codegen arguments", () => {
  test("--help prints the usage with every flag and exits 0", async () => {
    const { io, out } = capture();
    expect(await main(["--help"], out(pkg))).toBe(0);
    expect(io.stdout).toContain("Usage: xms-codegen <target> [--check]");
    expect(io.stdout).toContain("--check");
  });

  test.each([[["--chek", "client"]], [["client", "types"]], [[]]])(
    "%j is refused with exit code 2 and the usage",
    async (argv) => {
      const { io, out } = capture();
      expect(await main(argv, out(pkg))).toBe(2);
      expect(io.stderr).toContain("Usage: xms-codegen");
    },
  );
});

// Every target, twice over, in one test: minutes on a loaded machine, not the usual 60 s.
describe("xms-codegen all [--check | --watch]", { timeout: 240_000 }, () => {
  /** The temp repo's packages, as targetPackages names them. */
  function makePackages(): void {
    for (const dir of Object.values(targetPackages))
      mkdirSync(join(root, dir), { recursive: true });
  }

  test("generates every target into its own package from one reading of the spec, from any directory", async () => {
    makePackages();
    const { io, out } = capture();
    expect(await main(["all"], out(join(root, "spec")))).toBe(0);
    for (const [target, dir] of Object.entries(targetPackages)) {
      expect(io.stdout).toContain(`xms-codegen ${target}:`);
      expect(readdirSync(join(root, dir, "src", "generated")).length).toBeGreaterThan(0);
    }
    const { io: checked, out: checkOut } = capture();
    expect(await main(["all", "--check"], checkOut(root))).toBe(0);
    expect(checked.stderr).toBe("");
  });

  test("--watch regenerates every package when the spec is saved, and stops on its signal", async () => {
    makePackages();
    const stop = new AbortController();
    let stdout = "";
    const saved = new Promise<void>((resolve) => {
      const io = {
        out: (text: string) => {
          stdout += text;
          if (text.startsWith("xms-codegen: watching")) {
            const specPath = join(root, "spec", "openapi.yaml");
            writeFileSync(
              specPath,
              readFileSync(specPath, "utf8").replace(
                "x-sdk-method: send\n",
                "x-sdk-method: post\n",
              ),
            );
          }
          if (text.startsWith("xms-codegen: regenerated")) resolve();
        },
        err: (text: string) => void (stdout += text),
        cwd: root,
        signal: stop.signal,
      };
      void main(["all", "--watch"], io).then((code) => void (stdout += `exit ${code}\n`));
    });
    await saved;
    expect(
      readFileSync(join(root, targetPackages.client!, "src/generated/resources.ts"), "utf8"),
    ).toContain("post: {");
    stop.abort();
    await expect.poll(() => stdout).toContain("exit 0");
  });

  test("--watch keeps regenerating when an editor saves by renaming a new file over the spec", async () => {
    makePackages();
    const specPath = join(root, "spec", "openapi.yaml");
    const original = readFileSync(specPath, "utf8");
    const saveByRename = (contents: string) => {
      writeFileSync(`${specPath}.tmp`, contents);
      renameSync(`${specPath}.tmp`, specPath);
    };
    const stop = new AbortController();
    let regenerations = 0;
    let onRegenerated = () => {};
    const watching = new Promise<void>((resolve) => {
      void main(["all", "--watch"], {
        out: (text: string) => {
          if (text.startsWith("xms-codegen: watching")) resolve();
          if (text.startsWith("xms-codegen: regenerated")) (regenerations++, onRegenerated());
        },
        err: () => {},
        cwd: root,
        signal: stop.signal,
      });
    });
    const regenerated = () => new Promise<void>((resolve) => void (onRegenerated = resolve));
    const resources = () =>
      readFileSync(join(root, targetPackages.client!, "src/generated/resources.ts"), "utf8");
    await watching;
    let next = regenerated();
    saveByRename(original.replace("x-sdk-method: send\n", "x-sdk-method: post\n"));
    await next;
    expect(resources()).toContain("post: {");
    next = regenerated();
    saveByRename(original);
    await next;
    expect(resources()).not.toContain("post: {");
    expect(regenerations).toBe(2);
    stop.abort();
  });

  test.each([[["client", "--watch"]], [["all", "--watch", "--check"]]])(
    "%j is refused with exit code 2 (--watch is for all, and does not check)",
    async (argv) => {
      const { io, out } = capture();
      expect(await main(argv, out(pkg))).toBe(2);
      expect(io.stderr).toContain("Usage: xms-codegen");
    },
  );
});
