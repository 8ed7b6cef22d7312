/** The schemas a schema is made of: itself and its `allOf`/`anyOf`/`oneOf` members, all the way down. */
import { isObject, resolve, type JsonObject } from "../json.js";

/** The keywords whose members describe the same value as the schema holding them. */
const COMPOSITIONS = ["allOf", "anyOf", "oneOf"] as const;

/**
 * `schema`, then every member of its `allOf`, `anyOf` and `oneOf`, and theirs, depth first in
 * keyword order; `$ref`s (the schema's and its members') followed in `document` when one is
 * given. Each object once, so a cyclic schema ends. What a value of `schema` may have (a
 * property, an enum value) is declared in one of these.
 */
export function composedSchemas(schema: unknown, document?: JsonObject): JsonObject[] {
  const found: JsonObject[] = [];
  const seen = new Set<JsonObject>();
  const walk = (node: unknown): void => {
    const target = document ? resolve<unknown>(document, node) : node;
    if (!isObject(target) || seen.has(target)) return;
    seen.add(target);
    found.push(target);
    for (const keyword of COMPOSITIONS) {
      const members = target[keyword];
      if (Array.isArray(members)) members.forEach(walk);
    }
  };
  walk(schema);
  return found;
}
