/** The one walk over a whole document (every value, not only schemas; see visitSchemas for those). */
import { isObject, type JsonObject } from "./json.js";

/** Where a value is: the tokens of its JSON Pointer (object keys, and array indexes as strings). */
export type Path = readonly string[];

/**
 * Calls `visitor` on every object and array member below `node`, depth first, parents before
 * children, in key order, with its path (the root itself is not visited). Returning `false`
 * skips that value's children. Each object is walked once, so a dereferenced, cyclic document
 * is walked safely.
 */
export function walkDocument(
  node: unknown,
  visitor: (value: unknown, path: Path, parent: JsonObject | unknown[]) => boolean | void,
  from: Path = [],
): void {
  const seen = new WeakSet<object>();
  const walk = (value: unknown, path: Path): void => {
    if (Array.isArray(value)) {
      if (seen.has(value)) return;
      seen.add(value);
      value.forEach((child, index) => {
        const at = [...path, String(index)];
        if (visitor(child, at, value) !== false) walk(child, at);
      });
    } else if (isObject(value)) {
      if (seen.has(value)) return;
      seen.add(value);
      for (const [key, child] of Object.entries(value)) {
        const at = [...path, key];
        if (visitor(child, at, value) !== false) walk(child, at);
      }
    }
  };
  walk(node, from);
}
