/**
 * Plain JSON Schema values as the webhook validators' transforms pass them along, and the
 * `$defs` references between their definitions.
 */
import { visitSchemas } from "@mehery/xms-spec-model";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `#/components/schemas/Name` (the spec's) or `#/$defs/Name` (a converted schema's) → `Name`. */
export function defName(ref: string): string {
  const match = /^#\/(?:components\/schemas|\$defs)\/([^/]+)$/.exec(ref);
  if (!match?.[1]) throw new Error(`xms-codegen webhooks: unsupported $ref ${ref}`);
  return match[1];
}

/** The definition a `{ $ref }` schema points to, by name; undefined for any other schema. */
export function refName(schema: Json | undefined): string | undefined {
  return isObject(schema) && typeof schema["$ref"] === "string" && Object.keys(schema).length === 1
    ? defName(schema["$ref"])
    : undefined;
}

/** The names of `roots` and of every definition they reach through `$ref`. */
export function reachable(defs: Record<string, Json>, roots: readonly string[]): string[] {
  const seen = new Set<string>();
  const enter = (name: string): void => {
    if (seen.has(name)) return;
    const def = defs[name];
    if (def === undefined) throw new Error(`xms-codegen webhooks: no schema ${name}`);
    seen.add(name);
    visitSchemas(def, (schema) => {
      if (typeof schema["$ref"] === "string") enter(defName(schema["$ref"]));
    });
  };
  roots.forEach(enter);
  return [...seen].sort();
}
