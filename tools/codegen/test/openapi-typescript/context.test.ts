import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { transformContext } from "../../src/openapi-typescript/context.js";
import { distDir } from "../../src/openapi-typescript/transforms.js";
import { findRepoRoot, loadSpec, type OpenAPIDocument } from "../../src/spec.js";

const repoRoot = findRepoRoot(import.meta.dirname);
const mini = () => loadSpec(join(import.meta.dirname, "..", "fixtures", "mini-xms.yaml"), repoRoot);
const read = (file: string) => readFileSync(join(distDir, file), "utf8");

describe("transformContext, openapiTS()'s context without Redocly", () => {
  test("has every key, and every default, of the context openapiTS() builds", () => {
    // `key: options.key ?? default` (or `typeof options.key === "function" ? ...`) in openapiTS().
    const body = /const ctx = \{([\s\S]*?)\n  \};/.exec(read("index.mjs"))?.[1] ?? "";
    const keys = [...body.matchAll(/^ {4}(\w+)[:(,]/gm)].map(([, key]) => key!);
    const ctx = transformContext(mini().spec, {});
    expect(keys.sort()).toEqual([...Object.keys(ctx), "redoc"].sort());
    const literal = { false: false, true: true, "void 0": undefined, "[]": [] } as const;
    const defaults = [...body.matchAll(/^ {4}(\w+): options\.\w+ \?\? ([^,]+),$/gm)];
    expect(defaults.length).toBeGreaterThan(20);
    for (const [, key, given] of defaults) {
      expect(given! in literal, `${key} ?? ${given}`).toBe(true);
      expect(ctx[key as keyof typeof ctx], key).toEqual(literal[given as keyof typeof literal]);
    }
  });

  test("refuses a document that is not OpenAPI 3.x", () => {
    const spec = { ...mini().spec, openapi: "2.0" } as OpenAPIDocument;
    expect(() => transformContext(spec, {})).toThrow(
      "xms-codegen: unsupported OpenAPI version 2.0",
    );
  });

  test("refuses a $ref that names nothing, and says where it is", () => {
    const { spec } = mini();
    const schemas = spec.components!.schemas!;
    schemas["Broken"] = { type: "array", items: { $ref: "#/components/schemas/Nope" } };
    expect(() => transformContext(spec, {})).toThrow(
      "xms-codegen: $ref #/components/schemas/Nope at /components/schemas/Broken/items names nothing",
    );
  });
});
