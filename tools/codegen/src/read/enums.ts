import { enumOf as enumIn, type EnumInfo, type JsonObject } from "@mehery/xms-spec-model";
import type { ReferenceObject, SchemaObject } from "openapi-typescript";
import type { OpenAPIDocument } from "../spec.js";

export type { EnumInfo };

/**
 * The string values a schema enumerates, closed (`enum`) or open (`anyOf: [enum, string]`): the
 * spec model's reading, for openapi-typescript's types.
 */
export function enumOf(
  spec: OpenAPIDocument,
  schemaOrRef: SchemaObject | ReferenceObject,
): EnumInfo | undefined {
  return enumIn(schemaOrRef, spec as unknown as JsonObject);
}
