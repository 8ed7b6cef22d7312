/**
 * The one `allOf` merge: `allOf: [Base, { properties }]` read as the object it describes. Every
 * tool that flattens (spec-diff; the webhooks validator compiler) uses this, so they agree.
 *
 * The policy on conflicts, in one place: where two parts give one keyword different values,
 * annotations keep the first part's, `properties`/`required` unite, `type`/`enum` intersect,
 * and any other keyword (a constraint: `pattern`, `maxLength`, `items`...) keeps the first
 * value in place and the later one in a leftover `allOf` of the result. No constraint is ever
 * dropped, so a tool that reads the merged schema (spec-diff classifying a change) sees what
 * the generated code and validators enforce.
 */
import { isDeepStrictEqual } from "node:util";
import { isObject, resolve, type JsonObject } from "../json.js";

/** Keywords that only annotate: where parts disagree, the first one wins, and nothing is lost. */
const ANNOTATIONS = new Set([
  "title",
  "description",
  "example",
  "examples",
  "default",
  "deprecated",
  "readOnly",
  "writeOnly",
  "$comment",
  "externalDocs",
  "xml",
]);

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

function intersectTypes(a: unknown, b: unknown): unknown {
  const theirs = asArray(b);
  const both = asArray(a).flatMap((t) => {
    if (theirs.includes(t)) return [t];
    if (
      (t === "integer" && theirs.includes("number")) ||
      (t === "number" && theirs.includes("integer"))
    )
      return ["integer"];
    return [];
  });
  return both.length === 1 ? both[0] : both;
}

export interface MergeOptions {
  /**
   * Merges a property that two parts both declare, differently: by default
   * `mergeAllOf({ allOf: [a, b] })`. A caller that compares merged schemas by identity (to
   * stop on cycles) passes a cached one; it must follow the same rule.
   */
  mergeProperty?: (a: JsonObject, b: JsonObject) => JsonObject;
}

/**
 * Merges two schemas into one with the same meaning:
 * - `properties` united; a property in both is merged by the same rule;
 * - `required` united; `type` and `enum` intersected; leftover `allOf`s concatenated;
 * - annotations (`description`, `example`, `x-*`...): the first part's win;
 * - any other keyword in both with different values (two `pattern`s, say) cannot be one keyword:
 *   the later value is kept in an `allOf` of the result, so no constraint is dropped.
 */
export function mergeSchemas(
  a: JsonObject,
  b: JsonObject,
  document?: JsonObject,
  options: MergeOptions = {},
): JsonObject {
  const mergeProperty =
    options.mergeProperty ??
    ((x: JsonObject, y: JsonObject) => mergeAllOf({ allOf: [x, y] }, document, options));
  const out: JsonObject = { ...a };
  const leftover: JsonObject = {};
  for (const [key, value] of Object.entries(b)) {
    const mine = out[key];
    if (mine === undefined) out[key] = value;
    else if (isDeepStrictEqual(mine, value)) continue;
    else if (key === "properties" && isObject(mine) && isObject(value)) {
      const properties: JsonObject = { ...mine };
      for (const [name, schema] of Object.entries(value)) {
        const known = properties[name];
        properties[name] =
          isObject(known) && isObject(schema) && !isDeepStrictEqual(known, schema)
            ? mergeProperty(known, schema)
            : (known ?? schema);
      }
      out[key] = properties;
    } else if (key === "required" && Array.isArray(mine) && Array.isArray(value)) {
      out[key] = [...new Set([...mine, ...value])];
    } else if (key === "allOf" && Array.isArray(mine) && Array.isArray(value)) {
      // Both carry leftover constraints (from their own conflicts): all of them hold.
      out[key] = [...mine, ...value];
    } else if (key === "type") out[key] = intersectTypes(mine, value);
    else if (key === "enum" && Array.isArray(mine) && Array.isArray(value)) {
      out[key] = mine.filter((v) => value.some((w) => isDeepStrictEqual(v, w)));
    } else if (ANNOTATIONS.has(key) || key.startsWith("x-")) continue;
    else leftover[key] = value;
  }
  if (Object.keys(leftover).length > 0) {
    out["allOf"] = [...(Array.isArray(out["allOf"]) ? out["allOf"] : []), leftover];
  }
  return out;
}

/**
 * `schema` with its `allOf` merged into it (the schema's own keywords first, then each part in
 * order, `$ref` parts followed in `document`). A schema without `allOf` is returned as it is.
 */
export function mergeAllOf(
  schema: JsonObject,
  document?: JsonObject,
  options: MergeOptions = {},
): JsonObject {
  const parts = schema["allOf"];
  if (!Array.isArray(parts)) return schema;
  const { allOf: _, ...own } = schema;
  let merged: JsonObject = own;
  for (const part of parts) {
    const target = document ? resolve<unknown>(document, part) : part;
    if (!isObject(target)) continue;
    merged = mergeSchemas(merged, mergeAllOf(target, document, options), document, options);
  }
  return merged;
}
