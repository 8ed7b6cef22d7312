/**
 * @mehery/xms-spec-model: the one place that locates, parses and dereferences spec/openapi.yaml,
 * and the views of it every tool shares. A tool never reads the spec's file or walks its schemas
 * with code of its own.
 */
export { findRepoRoot, locateSpec, type SpecLocation } from "./locate.js";
export { parseSpec, parseYaml, readSpec } from "./parse.js";
export { loadSpecModel, specModelFromText, type LoadOptions, type SpecModel } from "./model.js";
export { dereference, SCHEMA_NAME, type DereferenceOptions } from "./dereference.js";
export {
  HTTP_METHODS,
  listOperations,
  type HttpMethod,
  type Operation,
  type SdkExtensions,
} from "./operations.js";
export {
  arrayAt,
  atPointer,
  deref,
  isObject,
  isRef,
  objectAt,
  parsePointer,
  resolve,
  resolveLocalRef,
  schemaRefName,
  stringAt,
  toPointer,
  type JsonObject,
} from "./json.js";
export { visitSchemas, type VisitContext } from "./schema/visit.js";
export { walkDocument, type Path } from "./walk.js";
export { enumOf, type EnumInfo } from "./schema/enum.js";
export {
  branchFor,
  discriminatorOf,
  type DiscriminatorBranch,
  type DiscriminatorInfo,
} from "./schema/discriminator.js";
export { mergeAllOf, mergeSchemas, type MergeOptions } from "./schema/all-of.js";
export { composedSchemas } from "./schema/composed.js";
export { portabilityProblems, type PortabilityProblem } from "./portability.js";
