import type { ReferenceObject, SchemaObject } from "openapi-typescript";
import type { OpenAPIDocument } from "../spec.js";
import { isRef, resolve } from "./refs.js";

/** How a schema enumerates its values: closed (`enum`) or open (`anyOf: [enum, string]`). */
export interface EnumInfo {
  values: string[];
  open: boolean;
}

function stringEnum(schema: SchemaObject): string[] | undefined {
  const values = (schema as { enum?: unknown[] }).enum;
  if (!values) return undefined;
  if (!values.every((v): v is string => typeof v === "string")) return undefined;
  return values;
}

/**
 * Reads the string values a schema enumerates. An *open enum* is `anyOf` of an enum and a plain
 * string: the known values are listed, and any other string is still valid.
 */
export function enumOf(
  spec: OpenAPIDocument,
  schemaOrRef: SchemaObject | ReferenceObject,
): EnumInfo | undefined {
  const schema = resolve<SchemaObject>(spec, schemaOrRef);
  const closed = stringEnum(schema);
  if (closed) return { values: closed, open: false };
  const anyOf = (schema as { anyOf?: (SchemaObject | ReferenceObject)[] }).anyOf;
  if (anyOf && anyOf.length === 2) {
    const [a, b] = anyOf.map((s) => (isRef(s) ? resolve<SchemaObject>(spec, s) : s));
    const known = [a, b].map((s) => (s ? stringEnum(s) : undefined)).find(Boolean);
    const plain = [a, b].find(
      (s) =>
        s &&
        !stringEnum(s) &&
        (s as { type?: unknown }).type === "string" &&
        Object.keys(s).length === 1,
    );
    if (known && plain) return { values: known, open: true };
  }
  return undefined;
}
