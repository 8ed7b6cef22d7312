import { isObject, type Json, NAME } from "../load.js";

/**
 * Merges `allOf` into one schema, so that `allOf: [Base, { properties }]` compares as the object
 * it describes: properties merged (a property in two parts is itself merged), `required`
 * united, `type` and `enum` intersected, and for any other keyword the first part that has it
 * wins, the schema's own keywords first. The parts' component names are dropped: the result is
 * the outer schema, not one of its parts.
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
    merged = mergeTwo(merged, flat);
  }
  origins.set(merged, from);
  cache.set(schema, merged);
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

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

function mergeTwo(a: Json, b: Json): Json {
  const out: Json = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const mine = out[key];
    if (mine === undefined) {
      out[key] = value;
      continue;
    }
    if (key === "properties" && isObject(mine) && isObject(value)) {
      const props: Json = { ...mine };
      for (const [name, schema] of Object.entries(value)) {
        const existing = props[name];
        props[name] =
          isObject(existing) && isObject(schema) ? mergeProperty(existing, schema) : schema;
      }
      out[key] = props;
    } else if (key === "required" && Array.isArray(mine) && Array.isArray(value)) {
      out[key] = [...new Set([...mine, ...value])];
    } else if (key === "type") {
      const theirs = asArray(value);
      const both = asArray(mine).flatMap((t) => {
        if (theirs.includes(t)) return [t];
        if (t === "integer" && theirs.includes("number")) return ["integer"];
        if (t === "number" && theirs.includes("integer")) return ["integer"];
        return [];
      });
      out[key] = both.length === 1 ? both[0] : both;
    } else if (key === "enum" && Array.isArray(mine) && Array.isArray(value)) {
      out[key] = mine.filter((v) => value.some((w) => JSON.stringify(w) === JSON.stringify(v)));
    }
    // Any other keyword: the first part that has it wins (the schema's own keywords first).
  }
  return out;
}
