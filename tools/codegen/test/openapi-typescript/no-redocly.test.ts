import { createRequire } from "node:module";
import { join } from "node:path";
import { expect, test } from "vitest";
import { transformDocument } from "../../src/transform/openapi-ts.js";
import { findRepoRoot, loadSpec } from "../../src/spec.js";

// A file of its own: transforms.test.ts loads openapiTS(), and Redocly with it, to compare.
test("rendering the document loads no module of @redocly/openapi-core", async () => {
  const repoRoot = findRepoRoot(import.meta.dirname);
  const { spec } = loadSpec(join(repoRoot, "spec", "openapi.yaml"), repoRoot);
  expect(await transformDocument(spec)).toContain("export interface paths");
  const loaded = Object.keys(createRequire(import.meta.url).cache);
  expect(loaded.some((file) => file.includes("typescript"))).toBe(true);
  expect(loaded.filter((file) => file.includes("@redocly"))).toEqual([]);
});
