import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { dereference } from "@apidevtools/json-schema-ref-parser";
import { CORE_SCHEMA, load } from "js-yaml";

/** `spec/openapi.yaml` of this repository (the same from `src/` and from `dist/`). */
export const defaultSpecPath = fileURLToPath(
  new URL("../../../spec/openapi.yaml", import.meta.url),
);

/** A plain JSON object of the parsed document; every property is looked at with a guard. */
export type JsonObject = { readonly [key: string]: unknown };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Reads an OpenAPI document (YAML or JSON) and resolves every `$ref` in place.
 *
 * Resolution keeps object identity: after it, a `$ref` to `#/components/schemas/X` *is*
 * `components.schemas.X`, which is what lets a discriminator mapping be followed to its
 * `oneOf` branch (see field-errors.ts). Only references inside the document are followed.
 */
export async function loadSpec(path: string): Promise<JsonObject> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (cause) {
    throw new Error(`@mehery/xms-mock-server: cannot read the OpenAPI document at ${path}`, {
      cause,
    });
  }
  // js-yaml parses this 3,000-line document about five times faster than `yaml`; the YAML 1.2
  // core schema reads `2023-10-06` as a string, as `yaml` does, not as a Date.
  let parsed: unknown;
  try {
    parsed = load(text, { schema: CORE_SCHEMA, filename: path });
  } catch (cause) {
    throw new Error(`@mehery/xms-mock-server: ${path} is not valid YAML`, { cause });
  }
  if (!isObject(parsed) || typeof parsed["openapi"] !== "string" || !isObject(parsed["paths"])) {
    throw new Error(`@mehery/xms-mock-server: ${path} is not an OpenAPI document`);
  }
  // `parsed` is ours alone, so it is dereferenced in place (a copy first cost ~6 ms of start-up).
  const resolved: unknown = await dereference(parsed, {
    resolve: { external: false },
  });
  if (!isObject(resolved)) {
    throw new Error(`@mehery/xms-mock-server: ${path} could not be dereferenced`);
  }
  return resolved;
}
