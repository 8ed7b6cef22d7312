import { pickerOf } from "./discriminator-picker.js";
import { defName, isObject, type Json, type JsonObject } from "./json-schema.js";

/** Keywords that only annotate or belong to OpenAPI; none of them affects validation. */
const ANNOTATIONS = new Set([
  "description",
  "title",
  "example",
  "examples",
  "$comment",
  "externalDocs",
  "xml",
  "deprecated",
  "readOnly",
  "writeOnly",
  "default",
  // Every format in the spec is int32/int64 on an integer: not worth a runtime check.
  "format",
]);

/**
 * OpenAPI schema → plain JSON Schema 2020-12: refs point into `$defs`, annotations and `x-*`
 * extensions are dropped, a `oneOf` with a discriminator mapping becomes an `if`/`then` per
 * mapped value (see discriminator-picker.ts), and an "open
 * enum" (`type: string` + `anyOf: [{ enum }, { type: string }]`) becomes its base type.
 */
export function toJsonSchema(node: Json): Json {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!isObject(node)) return node;
  const picker = pickerOf(node);
  if (picker) return picker;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (ANNOTATIONS.has(key) || key === "discriminator" || key.startsWith("x-")) continue;
    if (key === "$ref") out[key] = `#/$defs/${defName(String(value))}`;
    else if (key === "enum" || key === "const" || key === "required") out[key] = value;
    else if ((key === "properties" || key === "patternProperties") && isObject(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJsonSchema(v)]));
    } else out[key] = toJsonSchema(value);
  }
  const anyOf = out["anyOf"];
  if (
    typeof out["type"] === "string" &&
    Array.isArray(anyOf) &&
    anyOf.some((s) => isObject(s) && Object.keys(s).length === 1 && s["type"] === out["type"])
  ) {
    delete out["anyOf"];
  }
  return out;
}
