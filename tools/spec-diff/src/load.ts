import { dereference, isObject, parseSpec, SCHEMA_NAME } from "@mehery/xms-spec-model";

/** A JSON object of the spec, as the walkers read it (untyped: they check every field). */
export type Json = Record<string, unknown>;

export { isObject };

/** The key under which each component schema carries its own name once dereferenced. */
export const NAME = SCHEMA_NAME;

/** A parsed spec: `raw` as written (for names and unreferenced parts), `doc` dereferenced. */
export interface LoadedSpec {
  raw: Json;
  doc: Json;
}

/**
 * Parses a spec and dereferences it (both by @mehery/xms-spec-model), so that a change to a
 * shared schema shows up at every place it is used. Each `components.schemas` entry is stamped
 * with its name first, so the differ can still say which schema a change is in once the `$ref`s
 * are gone.
 */
export async function loadSpec(text: string, label: string): Promise<LoadedSpec> {
  let raw: Json;
  try {
    raw = parseSpec(text, label);
  } catch (error) {
    throw new Error(`xms-spec-diff: ${(error as Error).message.replace(/^spec-model: /, "")}`, {
      cause: error,
    });
  }
  try {
    return { raw, doc: await dereference(raw, { stampSchemaNames: true }) };
  } catch (error) {
    throw new Error(`xms-spec-diff: cannot resolve the $refs of ${label}`, { cause: error });
  }
}
