/** Resolving every `$ref` of a parsed document, once, the same way for every tool. */
import { isObject, type JsonObject } from "./json.js";

/** The key under which each component schema carries its own name once dereferenced. */
export const SCHEMA_NAME = "x-spec-model-name";

export interface DereferenceOptions {
  /**
   * Stamp each `components.schemas` entry with its name (under SCHEMA_NAME) first, so a walker
   * can still say which schema it is in once the `$ref`s are gone. Works on a copy.
   */
  stampSchemaNames?: boolean;
  /** Resolve `document` itself instead of a copy (the caller owns it). */
  inPlace?: boolean;
}

/**
 * Resolves every local `$ref` of a copy of `document` (of `document` itself with `inPlace`).
 * Resolution keeps identity: after it, a `$ref` to `#/components/schemas/X` *is*
 * `components.schemas.X`, and cycles stay cycles. `description` and `summary` beside a `$ref`
 * win over the target's, as OpenAPI 3.1 says.
 */
export async function dereference(
  document: JsonObject,
  { stampSchemaNames = false, inPlace = false }: DereferenceOptions = {},
): Promise<JsonObject> {
  const target = inPlace ? document : structuredClone(document);
  if (stampSchemaNames) {
    const schemas = (target["components"] as JsonObject | undefined)?.["schemas"];
    if (isObject(schemas)) {
      for (const [name, schema] of Object.entries(schemas)) {
        if (isObject(schema)) schema[SCHEMA_NAME] = name;
      }
    }
  }
  // Imported here: most readers of the model never dereference, and json-schema-ref-parser (30
  // modules) would load on every thread that imports this package.
  const { $RefParser } = await import("@apidevtools/json-schema-ref-parser");
  try {
    const resolved: unknown = await new $RefParser().dereference(target, {
      resolve: { external: false },
      dereference: { circular: true, preservedProperties: ["description", "summary"] },
    });
    if (!isObject(resolved)) throw new Error("the result is not an object");
    return resolved;
  } catch (cause) {
    throw new Error("spec-model: cannot resolve the document's $refs", { cause });
  }
}
