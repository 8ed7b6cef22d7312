import { Ajv2020, type Options as AjvOptions } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { OpenAPIBackend, type Document } from "openapi-backend";
import type { JsonObject } from "./spec.js";

const addFormats = addFormatsModule.default;

/** OpenAPI keywords that are annotations to JSON Schema: known, so strict mode does not reject them. */
const openApiKeywords = ["discriminator", "example", "xml", "externalDocs"];

/**
 * openapi-backend builds its validators with draft-07 Ajv; `customizeAjv` swaps in Ajv for
 * JSON Schema 2020-12, the dialect of OpenAPI 3.1 (`const`, type arrays, `examples`, `$ref`
 * with siblings), in strict mode so that a misspelt keyword in the spec fails loudly instead
 * of validating nothing.
 */
function createAjv(_draft07: unknown, options: AjvOptions): Ajv2020 {
  const ajv = new Ajv2020({
    ...options,
    strict: true,
    // `anyOf: [{ required: [contactId] }, { required: [phone] }, ...]` names properties its
    // parent declares (OutBoundContact, CommonTemplateMeta): valid JSON Schema, refused by strictRequired.
    strictRequired: false,
    allowUnionTypes: true, // `type: [string, number, boolean, array]` (CustomerLabel.value)
    allErrors: true, // every failing field, not only the first
  });
  ajv.addVocabulary(openApiKeywords);
  addFormats(ajv);
  // The OpenAPI formats for numbers; JavaScript numbers cannot tell int64 from int53.
  ajv.addFormat("int32", {
    type: "number",
    validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31,
  });
  ajv.addFormat("int64", { type: "number", validate: (n: number) => Number.isInteger(n) });
  ajv.addFormat("float", { type: "number", validate: () => true });
  ajv.addFormat("double", { type: "number", validate: () => true });
  return ajv;
}

/**
 * The document with every shared object copied where it is used.
 *
 * Before compiling, openapi-backend turns each object met a second time into a `$ref` to the
 * first place it met it, and Ajv then reports errors in that object under the first place's
 * `schemaPath`: an error in OutBoundMsgBase of the image branch of `oneOf` would read as one
 * of the text branch, and field-errors.ts could not keep the errors of the branch that the
 * discriminator selects. A tree has nothing shared, so every `schemaPath` is the real one.
 * A document with a cycle cannot be a tree; it is used as it is.
 */
function asTree(document: JsonObject): JsonObject {
  try {
    return JSON.parse(JSON.stringify(document)) as JsonObject;
  } catch {
    return document;
  }
}

/**
 * An initialised openapi-backend router and validator for a dereferenced document.
 *
 * `quick: true` skips openapi-backend's own check of the document, which knows only the
 * OpenAPI 3.0 schema and rejects 3.1 (`webhooks`, `info.summary`, `examples` in schemas);
 * it also compiles each operation's validator on its first request, not at start-up.
 */
export async function createBackend(document: JsonObject): Promise<OpenAPIBackend> {
  const api = new OpenAPIBackend({
    // The loader checked `openapi` and `paths`; openapi-backend reads nothing else up front.
    definition: asTree(document) as unknown as Document,
    quick: true,
    strict: true,
    validate: true,
    ignoreTrailingSlashes: false,
    customizeAjv: createAjv,
  });
  await api.init();
  return api;
}
