import type { ReferenceObject } from "openapi-typescript";
import type { OpenAPIDocument } from "../spec.js";

export function isRef(value: unknown): value is ReferenceObject {
  return typeof value === "object" && value !== null && "$ref" in value;
}

/** `#/components/schemas/InBoundMsg` → `InBoundMsg`; throws on anything but a local schema ref. */
export function schemaNameOf(ref: string): string {
  const match = /^#\/components\/schemas\/([^/]+)$/.exec(ref);
  if (!match?.[1]) throw new Error(`xms-codegen: expected a #/components/schemas/ ref, got ${ref}`);
  return match[1];
}

/** Follows local `$ref`s (`#/a/b`) until a non-reference object. */
export function resolve<T>(spec: OpenAPIDocument, value: T | ReferenceObject): T {
  let current: unknown = value;
  const seen = new Set<string>();
  while (isRef(current)) {
    const ref = current.$ref;
    if (!ref.startsWith("#/"))
      throw new Error(`xms-codegen: only local refs are supported (${ref})`);
    if (seen.has(ref)) throw new Error(`xms-codegen: circular ref ${ref}`);
    seen.add(ref);
    current = ref
      .slice(2)
      .split("/")
      .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"))
      .reduce<unknown>(
        (node, key) =>
          typeof node === "object" && node !== null
            ? (node as Record<string, unknown>)[key]
            : undefined,
        spec,
      );
    if (current === undefined) throw new Error(`xms-codegen: unresolved ref ${ref}`);
  }
  return current as T;
}
