/**
 * A discriminated `oneOf` as JSON Schema: a picker, one `if`/`then` per mapped value, so that an
 * error names the one variant that applies, not all of them. The transforms after it (strict,
 * lenient) treat a picker apart, so each one made is remembered.
 */
import { discriminatorOf } from "@mehery/xms-spec-model";
import { defName, isObject, type Json, type JsonObject } from "./json-schema.js";

/**
 * Schemas made from a discriminated `oneOf`: they only pick the variant (`if`/`then`) that
 * describes the whole value, so the strict variant seals the variants, not them.
 */
const dispatchers = new WeakSet<object>();

/** Remembers `schema` as a picker (a transform that rebuilds one marks the copy). */
export function markDispatch(schema: JsonObject): JsonObject {
  dispatchers.add(schema);
  return schema;
}

/** Whether `node` is a picker made by pickerOf() (or marked since). */
export function isPicker(node: Json): boolean {
  return isObject(node) && dispatchers.has(node);
}

/** The picker of a `oneOf` with a discriminator mapping; undefined for any other schema. */
export function pickerOf(node: JsonObject): JsonObject | undefined {
  const discriminator = node["discriminator"];
  if (
    !Array.isArray(node["oneOf"]) ||
    !isObject(discriminator) ||
    !isObject(discriminator["mapping"])
  )
    return undefined;
  const info = discriminatorOf(node);
  if (!info) return undefined;
  const property = info.propertyName;
  return markDispatch({
    type: "object",
    required: [property],
    properties: { [property]: { enum: info.branches.map(({ value }) => value) } },
    allOf: info.branches.map(({ value, ref }) => ({
      // `required`: without it an absent property would match every `if`.
      if: { properties: { [property]: { const: value } }, required: [property] },
      then: { $ref: `#/$defs/${defName(String(ref))}` },
    })),
  });
}
