import {
  isRef as isRefObject,
  resolve as resolveIn,
  resolveLocalRef,
  schemaRefName,
  toPointer,
  walkDocument,
} from "@mehery/xms-spec-model";
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

/**
 * Throws, naming where, at the first `$ref` that names nothing in the document: openapi-typescript
 * would render it as a type that does not exist (its openapiTS() had Redocly refuse it).
 */
export function assertRefsResolve(spec: OpenAPIDocument): void {
  walkDocument(spec, (value, path) => {
    if (!isRefObject(value)) return;
    try {
      resolveLocalRef(spec, value.$ref);
    } catch {
      throw new Error(`xms-codegen: $ref ${value.$ref} at ${toPointer(path)} names nothing`);
    }
  });
}
