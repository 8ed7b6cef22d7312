import { $RefParser } from "@apidevtools/json-schema-ref-parser";
import { parse } from "yaml";

/** A JSON object of the spec, as the walkers read it (untyped: they check every field). */
export type Json = Record<string, unknown>;

/** The key under which each component schema carries its own name once dereferenced. */
export const NAME = "x-spec-diff-name";

/** A parsed spec: `raw` as written (for names and unreferenced parts), `doc` dereferenced. */
export interface LoadedSpec {
  raw: Json;
  doc: Json;
}

export function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Parses a spec and dereferences every `$ref` with json-schema-ref-parser, so that a change to a
 * shared schema shows up at every place it is used. Before that, each `components.schemas` entry
 * is stamped with its name (`x-spec-diff-name`), so the differ can still say which schema a
 * change is in once the `$ref`s are gone. `description` and `summary` beside a `$ref` win over
 * the target's, as OpenAPI 3.1 says.
 */
export async function loadSpec(text: string, label: string): Promise<LoadedSpec> {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    throw new Error(`xms-spec-diff: ${label} is not valid YAML`, { cause: error });
  }
  if (!isObject(raw) || typeof raw["openapi"] !== "string") {
    throw new Error(`xms-spec-diff: ${label} is not an OpenAPI document (no "openapi" field)`);
  }
  const stamped = structuredClone(raw);
  const components = stamped["components"];
  const schemas = isObject(components) ? components["schemas"] : undefined;
  if (isObject(schemas)) {
    for (const [name, schema] of Object.entries(schemas)) {
      if (isObject(schema)) schema[NAME] = name;
    }
  }
  const parser = new $RefParser();
  try {
    const doc = await parser.dereference(stamped, {
      resolve: { external: false },
      dereference: { circular: true, preservedProperties: ["description", "summary"] },
    });
    return { raw, doc: doc as Json };
  } catch (error) {
    throw new Error(`xms-spec-diff: cannot resolve the $refs of ${label}`, { cause: error });
  }
}
