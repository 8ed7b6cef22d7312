/** Reading the spec's text: one parser, the YAML 1.2 core schema, for every tool. */
import { readFileSync } from "node:fs";
import { CORE_SCHEMA, load } from "js-yaml";
import { isObject, type JsonObject } from "./json.js";

/**
 * Parses an OpenAPI document from YAML (or JSON) text with the YAML 1.2 core schema: `2023-10-06`
 * stays a string and `NO` is a string, as in JSON. js-yaml reads this 3,000-line document several
 * times faster than `yaml`, which is kept for the YAML 1.1 portability check only.
 */
export function parseSpec(text: string, source = "spec"): JsonObject {
  const document = parseYaml(text, source);
  if (!isObject(document) || typeof document["openapi"] !== "string") {
    throw new Error(`spec-model: ${source} is not an OpenAPI document (no "openapi" field)`);
  }
  return document;
}

/**
 * Any YAML document of the repository (a CI workflow, a config), read the way the spec is: YAML
 * 1.2 core schema, one library, so no tool keeps a YAML parser of its own.
 */
export function parseYaml(text: string, source = "document"): unknown {
  try {
    return load(text, { schema: CORE_SCHEMA, filename: source });
  } catch (cause) {
    throw new Error(`spec-model: ${source} is not valid YAML`, { cause });
  }
}

/** Reads and parses the document at `path`. */
export function readSpec(path: string): JsonObject {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (cause) {
    throw new Error(`spec-model: cannot read the OpenAPI document at ${path}`, { cause });
  }
  return parseSpec(text, path);
}
