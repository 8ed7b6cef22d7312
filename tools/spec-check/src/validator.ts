/**
 * A JSON Schema 2020-12 validator (Ajv) over the spec's schemas. The whole document is
 * registered under one `$id`, so a schema is compiled from its JSON Pointer and its
 * `#/components/schemas/...` references resolve inside the document.
 */
import { Ajv2020, type ErrorObject } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { walkDocument } from "@mehery/xms-spec-model";
import { isObject, type JsonObject } from "./json.js";

// ajv-formats is CommonJS with a default export; under NodeNext its namespace is what we get.
const addFormats = addFormatsModule.default;

/** An address nothing fetches: Ajv only uses it as the base URI of the registered document. */
export const SPEC_ID = "https://spec-check.invalid/openapi.json";

/** OpenAPI's own schema keywords: annotations for this check (`discriminator` is implied by `oneOf`). */
const OPENAPI_KEYWORDS = ["discriminator", "xml", "externalDocs", "example"];

export interface ValidationResult {
  valid: boolean;
  /** One line per error: `/to/phone must be string`. */
  errors: string[];
}

/** Every `x-` key of the document (ajv must know them as keywords). */
function extensionKeywords(node: unknown): Set<string> {
  const found = new Set<string>();
  walkDocument(node, (_value, path, parent) => {
    const key = path[path.length - 1] as string;
    if (!Array.isArray(parent) && key.startsWith("x-")) found.add(key);
  });
  return found;
}

function formatError(error: ErrorObject): string {
  const where = error.instancePath === "" ? "(root)" : error.instancePath;
  const params = JSON.stringify(error.params);
  return `${where} ${error.message ?? "is invalid"} ${params} [schema ${error.schemaPath}]`;
}

/** Encodes a JSON Pointer as a URI fragment. */
function fragment(pointer: string): string {
  return pointer
    .split("/")
    .map((token) => encodeURIComponent(token))
    .join("/");
}

export function createValidator(
  spec: JsonObject,
): (schemaPointer: string, value: unknown) => ValidationResult {
  const ajv = new Ajv2020({
    strict: true,
    // `anyOf: [{ required: [contactId] }, { required: [phone] }, ...]` names properties its
    // parent declares (OutBoundContact, CommonTemplateMeta): valid JSON Schema, refused by strictRequired.
    strictRequired: false,
    allErrors: true,
    allowUnionTypes: true,
  });
  addFormats(ajv);
  // Ajv compiles the registered document's root when a pointer into it is first resolved:
  // its top-level OpenAPI fields (`openapi`, `paths`, ...) become inert keywords too.
  const inert = new Set([...OPENAPI_KEYWORDS, ...Object.keys(spec), ...extensionKeywords(spec)]);
  ajv.addVocabulary([...inert]);
  ajv.addSchema({ ...spec, $id: SPEC_ID });
  return (schemaPointer, value) => {
    const validate = ajv.compile({ $ref: `${SPEC_ID}#${fragment(schemaPointer)}` });
    const valid = validate(value);
    return { valid, errors: (validate.errors ?? []).map(formatError) };
  };
}
