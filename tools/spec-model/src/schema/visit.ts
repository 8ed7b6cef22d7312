/** The one recursive walk over a JSON Schema (2020-12, as OpenAPI 3.1 uses it). */
import { isObject, toPointer, type JsonObject } from "../json.js";

/** Keywords whose value is a map of subschemas. */
const SCHEMA_MAPS = ["properties", "patternProperties", "$defs", "dependentSchemas"] as const;
/** Keywords whose value is a list of subschemas. */
const SCHEMA_LISTS = ["allOf", "anyOf", "oneOf", "prefixItems"] as const;
/** Keywords whose value is one subschema. */
const SCHEMA_VALUES = [
  "items",
  "additionalProperties",
  "unevaluatedProperties",
  "unevaluatedItems",
  "contains",
  "propertyNames",
  "not",
  "if",
  "then",
  "else",
  "contentSchema",
] as const;

export interface VisitContext {
  /** JSON Pointer of the schema, relative to where the walk started (plus `from`). */
  pointer: string;
  /** The keyword path from the parent (`properties`, `allOf`, `items`...); "" at the root. */
  keyword: string;
  /** The parent schema, undefined at the root. */
  parent: JsonObject | undefined;
}

/**
 * Calls `visitor` on `schema` and on every subschema it holds, depth first, parents before
 * children. `$ref`s are not followed (a dereferenced document's cycles would never end): a
 * visitor that wants the target resolves it. Each object is visited once, so a dereferenced,
 * cyclic document is walked safely. Returning `false` from `visitor` skips that schema's children.
 */
export function visitSchemas(
  schema: unknown,
  visitor: (schema: JsonObject, context: VisitContext) => boolean | void,
  from = "",
): void {
  const seen = new Set<JsonObject>();
  const walk = (node: unknown, context: VisitContext): void => {
    if (!isObject(node) || seen.has(node)) return;
    seen.add(node);
    if (visitor(node, context) === false) return;
    const child = (value: unknown, keyword: string, tokens: (string | number)[]): void =>
      walk(value, { pointer: context.pointer + toPointer(tokens), keyword, parent: node });
    for (const keyword of SCHEMA_MAPS) {
      const map = node[keyword];
      if (isObject(map))
        for (const [name, value] of Object.entries(map)) child(value, keyword, [keyword, name]);
    }
    for (const keyword of SCHEMA_LISTS) {
      const list = node[keyword];
      if (Array.isArray(list))
        list.forEach((value, index) => child(value, keyword, [keyword, index]));
    }
    for (const keyword of SCHEMA_VALUES) child(node[keyword], keyword, [keyword]);
  };
  walk(schema, { pointer: from, keyword: "", parent: undefined });
}
