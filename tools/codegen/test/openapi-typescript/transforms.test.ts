import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { OPENAPI_TS_OPTIONS, transformDocument } from "../../src/transform/openapi-ts.js";
import { distDir, REDOCLY_REF_UTILS } from "../../src/openapi-typescript/transforms.js";
import { findRepoRoot, loadSpec } from "../../src/spec.js";

// These hold src/openapi-typescript/ to the openapi-typescript it replicates: an upgrade that
// moves its modules, requires more of Redocly or reads a new option fails here, loudly.
const repoRoot = findRepoRoot(import.meta.dirname);
const mini = () => loadSpec(join(import.meta.dirname, "..", "fixtures", "mini-xms.yaml"), repoRoot);
const read = (file: string) => readFileSync(join(distDir, file), "utf8");

/** The files transforms.ts loads and every file they require, relative to dist/. */
const loadedFiles = (() => {
  const files = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    for (const [, id] of read(file).matchAll(/require\('(\.[^']+)'\)/g)) {
      visit(join(file, "..", id!));
    }
  };
  for (const entry of ["transform/index.cjs", "lib/ts.cjs", "lib/utils.cjs"]) visit(entry);
  return [...files];
})();

describe("openapi-typescript's transforms, without Redocly", () => {
  test("are openapi-typescript 7.13.0's (an upgrade must compare its openapiTS() with context.ts)", () => {
    const pkg = JSON.parse(read("../package.json")) as { version: string };
    expect(pkg.version).toBe("7.13.0");
  });

  test("require nothing of Redocly but ref-utils, and nothing else outside a short list", () => {
    const external = new Set(
      loadedFiles.flatMap((file) =>
        [...read(file).matchAll(/require\('([^.'][^']*)'\)/g)].map(([, id]) => id),
      ),
    );
    expect([...external].sort()).toEqual(
      [
        REDOCLY_REF_UTILS,
        "ansi-colors",
        "change-case",
        "node:perf_hooks",
        "supports-color",
        "typescript",
      ].sort(),
    );
  });

  test("read no `redoc` from their context (context.ts builds none)", () => {
    for (const file of loadedFiles) expect(read(file), file).not.toMatch(/\.redoc\b/);
  });

  test("render what openapiTS() renders, for the repository's spec and the mini spec", async () => {
    const { default: openapiTS, astToString } = await import("openapi-typescript");
    for (const { spec } of [loadSpec(join(repoRoot, "spec", "openapi.yaml"), repoRoot), mini()]) {
      for (const options of [OPENAPI_TS_OPTIONS, { silent: true }]) {
        const reference = astToString(await openapiTS(structuredClone(spec), options));
        // transformDocument leaves out an empty `$defs` alias; so does the reference here.
        expect(await transformDocument(spec, options)).toBe(
          reference.replace("export type $defs = Record<string, never>;\n", ""),
        );
      }
    }
  });
});
