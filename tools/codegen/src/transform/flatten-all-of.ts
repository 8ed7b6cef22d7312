import { mergeAllOf } from "@mehery/xms-spec-model";
import { isPicker, markDispatch } from "./discriminator-picker.js";
import { isObject, refName, type Json, type JsonObject } from "./json-schema.js";

const PLAIN_OBJECT_KEYS = new Set(["type", "properties", "required"]);

/** An object schema made of nothing but `type: object`, `properties` and `required`. */
function isPlainObjectSchema(schema: Json | undefined): schema is JsonObject {
  return (
    isObject(schema) &&
    (schema["type"] === undefined || schema["type"] === "object") &&
    Object.keys(schema).every((key) => PLAIN_OBJECT_KEYS.has(key))
  );
}

/**
 * Merges an `allOf` of plain object schemas (`$ref`s included) into one object schema. Same
 * meaning; but in one schema, `unevaluatedProperties` knows every property statically, so a
 * wrong field does not also make its siblings "unevaluated" (a failed `allOf` part contributes
 * no annotations in 2020-12), and the validator is smaller and faster. Other `allOf`s are left
 * as they are (seal() handles them). The merge itself is spec-model's `mergeAllOf`, the one rule
 * every tool uses: a constraint two parts give differently is kept twice, never dropped.
 */
export function flattenAllOf(defs: Record<string, Json>): Record<string, Json> {
  const resolve = (schema: Json): Json | undefined => {
    const name = refName(schema);
    return name === undefined ? schema : defs[name];
  };
  const flatten = (node: Json): Json => {
    if (Array.isArray(node)) return node.map(flatten);
    if (!isObject(node)) return node;
    const out: JsonObject = {};
    for (const [key, value] of Object.entries(node)) {
      out[key] =
        (key === "properties" || key === "patternProperties") && isObject(value)
          ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, flatten(v)]))
          : key === "enum" || key === "const" || key === "required"
            ? value
            : flatten(value);
    }
    if (isPicker(node)) return markDispatch(out);
    const parts = out["allOf"];
    if (!Array.isArray(parts)) return out;
    const { allOf: _, ...rest } = out;
    const resolved = parts.map(resolve);
    if (![rest, ...resolved].every(isPlainObjectSchema)) return out;
    // The model's one merge rule, so this validator and spec-diff read an allOf alike.
    const merged = mergeAllOf({ ...rest, allOf: resolved }) as JsonObject;
    const required = merged["required"];
    return {
      type: "object",
      ...(Array.isArray(required) && required.length ? { required } : {}),
      properties: merged["properties"] ?? {},
    };
  };
  return Object.fromEntries(Object.entries(defs).map(([name, def]) => [name, flatten(def)]));
}
