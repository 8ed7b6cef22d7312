/** How a schema enumerates string values: closed (`enum`) or open (`anyOf: [enum, string]`). */
import { isObject, resolve, type JsonObject } from "../json.js";

export interface EnumInfo {
  values: string[];
  /** Any other string is valid too: the values are the known ones, not all of them. */
  open: boolean;
}

function stringEnum(schema: unknown): string[] | undefined {
  const values = isObject(schema) ? schema["enum"] : undefined;
  return Array.isArray(values) && values.every((v): v is string => typeof v === "string")
    ? values
    : undefined;
}

/** Keywords that say nothing about which values are valid. */
const ANNOTATIONS = new Set([
  "title",
  "description",
  "summary",
  "example",
  "examples",
  "$comment",
  "deprecated",
]);

/** `{ type: string }`, with nothing else but annotations: any string. */
function isPlainString(schema: unknown): boolean {
  return (
    isObject(schema) &&
    schema["type"] === "string" &&
    Object.keys(schema).every(
      (key) => key === "type" || ANNOTATIONS.has(key) || key.startsWith("x-"),
    )
  );
}

/**
 * The string values `schema` enumerates. An *open enum* is `anyOf` of an enum and a plain
 * string (annotations allowed): the known values are listed, and any other string is still valid. `$ref`s (of the
 * schema and of its two branches) are followed in `document` when one is given.
 */
export function enumOf(schema: unknown, document?: JsonObject): EnumInfo | undefined {
  const follow = (node: unknown): unknown => (document ? resolve<unknown>(document, node) : node);
  const target = follow(schema);
  const closed = stringEnum(target);
  if (closed) return { values: closed, open: false };
  const anyOf = isObject(target) ? target["anyOf"] : undefined;
  if (!Array.isArray(anyOf) || anyOf.length !== 2) return undefined;
  const branches = anyOf.map(follow);
  const known = branches.map(stringEnum).find((values) => values !== undefined);
  return known && branches.some(isPlainString) ? { values: known, open: true } : undefined;
}
