// openapi-typescript's transform modules, loaded from its CommonJS build (dist/**/*.cjs) without
// @redocly/openapi-core: openapiTS() loads Redocly (250 modules) to lint and bundle a document
// that spec-check has already linted and that is one file, then hands it to these transforms.
import { readFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Script } from "node:vm";
import type * as OpenapiTS from "openapi-typescript";
// First: their require("typescript") then finds TypeScript loaded from its V8 code cache.
import "../typescript-cjs.js";
import * as refUtils from "./ref-utils.js";

/** The only Redocly module the transforms require; ./ref-utils.ts stands in for it. */
export const REDOCLY_REF_UTILS = "@redocly/openapi-core/lib/ref-utils.js";

/** openapi-typescript's dist/ directory (the package is pinned: see package.json). */
export const distDir = join(
  dirname(createRequire(import.meta.url).resolve("openapi-typescript/package.json")),
  "dist",
);

const loaded = new Map<string, { exports: unknown }>();

/**
 * Runs one of the package's CommonJS files as `require` would, with a `require` of its own:
 * relative files through here, Redocly's ref-utils as ./ref-utils.ts, anything else (typescript,
 * change-case, ansi-colors, supports-color) as the file's own `require` finds it.
 */
function load(file: string): unknown {
  const known = loaded.get(file);
  if (known) return known.exports;
  let source: string;
  try {
    source = readFileSync(file, "utf8");
  } catch (error) {
    throw new Error(
      `xms-codegen: ${file} is missing: src/openapi-typescript/transforms.ts loads openapi-typescript 7.13's dist/**/*.cjs`,
      { cause: error },
    );
  }
  const module = { exports: {} as unknown };
  loaded.set(file, module);
  const dir = dirname(file);
  const requireOwn = createRequire(file);
  const require = (id: string): unknown =>
    id === REDOCLY_REF_UTILS ? refUtils : id.startsWith(".") ? load(join(dir, id)) : requireOwn(id);
  const wrapper = new Script(Module.wrap(source), { filename: file }).runInThisContext() as (
    ...args: unknown[]
  ) => void;
  wrapper.call(module.exports, module.exports, require, module, file, dir);
  return module.exports;
}

const transformIndex = load(
  join(distDir, "transform/index.cjs"),
) as typeof OpenapiTS.transformSchema;
const tsLib = load(join(distDir, "lib/ts.cjs")) as Pick<typeof OpenapiTS, "astToString">;
const utils = load(join(distDir, "lib/utils.cjs")) as Pick<
  typeof OpenapiTS,
  "resolveRef" | "scanDiscriminators"
>;
const schemaObject = load(join(distDir, "transform/schema-object.cjs")) as {
  default: typeof OpenapiTS.transformSchemaObject;
};

/** The whole document → `paths`, `webhooks`, `components`, `$defs`, `operations` (AST nodes). */
export const transformSchema = transformIndex;
export const { astToString } = tsLib;
export const { resolveRef, scanDiscriminators } = utils;
export const transformSchemaObject = schemaObject.default;
