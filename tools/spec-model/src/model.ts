/** The spec, read once: the parsed document and the views over it that every tool shares. */
import { locateSpec, type SpecLocation } from "./locate.js";
import { isObject, objectAt, resolve, type JsonObject } from "./json.js";
import { listOperations, type Operation } from "./operations.js";
import { parseSpec, readSpec } from "./parse.js";

export interface SpecModel {
  /** Where it was read from (`specPath` is the file actually read). */
  location: SpecLocation;
  /** The parsed document, `$ref`s as written. */
  document: JsonObject;
  /** Every operation of `paths` and `webhooks`, in document order. */
  operations: Operation[];
  /** `components.schemas`, by name. */
  schemas: Record<string, JsonObject>;
  /** Follows `$ref`s of this document. */
  resolve<T = unknown>(node: unknown): T;
}

function modelOf(document: JsonObject, location: SpecLocation): SpecModel {
  const schemas: Record<string, JsonObject> = {};
  for (const [name, schema] of Object.entries(
    objectAt(objectAt(document, "components"), "schemas") ?? {},
  )) {
    if (isObject(schema)) schemas[name] = schema;
  }
  return {
    location,
    document,
    operations: listOperations(document),
    schemas,
    resolve: <T>(node: unknown) => resolve<T>(document, node),
  };
}

export interface LoadOptions {
  /** The document to read. Default: the repository's `spec/openapi.yaml`. */
  specPath?: string;
  /** Where to look for the repository from. Default: this package's directory. */
  from?: string;
}

/** Reads the repository's spec (or `specPath`) and builds the model. */
export function loadSpecModel({ specPath, from }: LoadOptions = {}): SpecModel {
  const location = locateSpec(from);
  const path = specPath ?? location.specPath;
  return modelOf(readSpec(path), { ...location, specPath: path });
}

/** The model of a document given as text (a fixture, another git revision). */
export function specModelFromText(text: string, source = "spec", from?: string): SpecModel {
  const location = locateSpec(from);
  return modelOf(parseSpec(text, source), { ...location, specPath: source });
}
