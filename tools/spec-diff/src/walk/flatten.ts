import { mergeSchemas } from "@mehery/xms-spec-model";
import { isObject, type Json, NAME } from "../load.js";

/**
 * Merges `allOf` into one schema, so that `allOf: [Base, { properties }]` compares as the object
 * it describes, by the spec model's one rule (mergeSchemas): properties merged (a property in
 * two parts is itself merged), `required` united, `type` and `enum` intersected, annotations
 * from the first part that has them, and a constraint two parts give differently kept twice:
 * the first in place, the later in a leftover `allOf` of the result (compared as such). So a
 * change is classified on what codegen and the validators enforce. The parts' component names
 * are dropped: the result is the outer schema, not one of its parts.
 *
 * Results are cached by identity so that a cyclic schema flattens to the same object each time
 * and the differ's cycle guard still sees the cycle.
 */
const cache = new WeakMap<Json, Json>();
const pairCache = new WeakMap<Json, WeakMap<Json, Json>>();
/** For a merged schema: the component schema each property came from, when it was a named part. */
const origins = new WeakMap<Json, Map<string, string>>();

/** The component schema that declared `property` of a merged schema, if it was an allOf part. */
export function originOf(merged: Json, property: string): string | undefined {
  return origins.get(merged)?.get(property);
}

export function flatten(schema: Json): Json {
  const cached = cache.get(schema);
  if (cached) return cached;
  const allOf = schema["allOf"];
  if (!Array.isArray(allOf)) {
    cache.set(schema, schema);
    return schema;
  }
  const own: Json = { ...schema };
  delete own["allOf"];
  let merged: Json = own;
  const from = new Map<string, string>();
  for (const part of allOf) {
    if (!isObject(part)) continue;
    const inner = flatten(part);
    const name = inner[NAME];
    const props = inner["properties"];
    if (isObject(props)) {
      for (const key of Object.keys(props)) {
        const origin = originOf(inner, key) ?? (typeof name === "string" ? name : undefined);
        if (origin !== undefined && !from.has(key)) from.set(key, origin);
      }
    }
    const flat = { ...inner };
    delete flat[NAME];
    merged = mergeSchemas(merged, flat, undefined, { mergeProperty });
  }
  origins.set(merged, from);
  cache.set(schema, merged);
  // Flat already: what `allOf` it has holds the conflicting constraints, not parts to merge.
  cache.set(merged, merged);
  return merged;
}

function mergeProperty(a: Json, b: Json): Json {
  if (a === b) return a;
  let inner = pairCache.get(a);
  if (!inner) pairCache.set(a, (inner = new WeakMap()));
  const cached = inner.get(b);
  if (cached) return cached;
  const merged = flatten({ allOf: [a, b] });
  inner.set(b, merged);
  return merged;
}
