import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { beforeAll, describe, expect, test } from "vitest";
import { run } from "../../src/exec.js";
import { packPackage, type PackedPackage } from "../../src/pack.js";
import { publishedPackages, repoRoot } from "../../src/paths.js";

/** The slice of `attw --format json` output these gates read. */
interface AttwReport {
  analysis: {
    problems: { kind: string; entrypoint?: string; resolutionKind?: string }[];
    entrypoints: Record<
      string,
      { resolutions: Record<string, { resolution?: { fileName: string } }> }
    >;
  };
}

const attwBin = join(repoRoot, "tools/release-test/node_modules/.bin/attw");

// The four resolution modes attw checks, and the declaration file each must land on given the
// exports map every published package uses (RULES.md): `require` and node10 read the .d.cts,
// `import` and bundlers the .d.ts.
const expectedTypes = {
  node10: "dist/index.d.cts",
  "node16-cjs": "dist/index.d.cts",
  "node16-esm": "dist/index.d.ts",
  bundler: "dist/index.d.ts",
} as const;

/** What a package ships at its top level on purpose, beside the build, sources and README. */
const EXTRA_TOP_LEVEL: Record<string, string[]> = {
  // The bundled spec, for other languages and tools (`@mehery/xms-types/openapi.json`).
  "@mehery/xms-types": ["openapi.json"],
  // One type-checked example per message kind and task.
  "@mehery/xms-client": ["COOKBOOK.md"],
  // The `./redis` entry's package.json stub, for TypeScript's node10 resolution.
  "@mehery/xms-webhooks": ["redis"],
};

describe.each(publishedPackages)("$name", ({ name, dir }) => {
  let packed: PackedPackage;

  beforeAll(async () => {
    packed = await packPackage(join(repoRoot, dir));
  });

  test("attw finds no problem in its packed tarball under node10, node16-cjs, node16-esm or bundler", async () => {
    const { stdout } = await run(attwBin, [packed.filename, "--format", "json"], {
      cwd: repoRoot,
      okExitCodes: [0, 1],
    });
    const report = JSON.parse(stdout) as AttwReport;
    expect(report.analysis.problems).toEqual([]);
    const resolutions = report.analysis.entrypoints["."]?.resolutions ?? {};
    for (const [mode, file] of Object.entries(expectedTypes)) {
      expect(resolutions[mode]?.resolution?.fileName, `${name} under ${mode}`).toBe(
        `/node_modules/${name}/${file}`,
      );
    }
  });

  test("publint --strict reports no error or warning on its packed tarball", async () => {
    const tarball = await readFile(packed.filename);
    const { messages, pkg } = await publint({
      strict: true,
      pack: {
        tarball: tarball.buffer.slice(tarball.byteOffset, tarball.byteOffset + tarball.byteLength),
      },
    });
    const problems = messages
      .filter((message) => message.type !== "suggestion")
      .map(
        (message) =>
          `${message.type}: ${formatMessage(message, pkg, { color: false }) ?? message.code}`,
      );
    expect(problems).toEqual([]);
  });

  test("its tarball holds the dual build, the sources and the README (and its own deliberate extras), and nothing else at the top", () => {
    for (const file of [
      "dist/index.js",
      "dist/index.cjs",
      "dist/index.d.ts",
      "dist/index.d.cts",
      "package.json",
    ]) {
      expect(packed.files).toContain(file);
    }
    const manifest = JSON.parse(readFileSync(join(repoRoot, dir, "package.json"), "utf8")) as {
      name: string;
      bin?: unknown;
    };
    // A package with a command (the webhooks simulator) ships its committed bin/ shim too.
    const allowed = ["dist", "src", "README.md", "CHANGELOG.md", "LICENSE", "package.json"];
    if (manifest.bin !== undefined) allowed.push("bin");
    allowed.push(...(EXTRA_TOP_LEVEL[manifest.name] ?? []));
    const top = new Set(packed.files.map((file) => file.split("/")[0]));
    for (const entry of top) {
      expect(allowed).toContain(entry);
    }
  });
});
