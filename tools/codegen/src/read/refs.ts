import { isRef as isRefObject, resolve as resolveIn, schemaRefName } from "@mehery/xms-spec-model";
import type { ReferenceObject } from "openapi-typescript";
import type { OpenAPIDocument } from "../spec.js";

/** openapi-typescript's view of @mehery/xms-spec-model's `$ref` helpers. */
export function isRef(value: unknown): value is ReferenceObject {
  return isRefObject(value);
}

/** `#/components/schemas/InBoundMsg` → `InBoundMsg`; throws on anything but a local schema ref. */
export function schemaNameOf(ref: string): string {
  const name = schemaRefName({ $ref: ref });
  if (name === undefined)
    throw new Error(`xms-codegen: expected a #/components/schemas/ ref, got ${ref}`);
  return name;
}

/** Follows local `$ref`s (`#/a/b`) until a non-reference object. */
export function resolve<T>(spec: OpenAPIDocument, value: T | ReferenceObject): T {
  return resolveIn<T>(spec, value);
}
