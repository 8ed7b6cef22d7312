export { main } from "./cli.js";
export { checkFiles, writeFiles, type StaleFile } from "./files.js";
export { formatGenerated, HEADER } from "./format.js";
export {
  findRepoRoot,
  loadRepoSpec,
  loadSpec,
  type LoadedSpec,
  type OpenAPIDocument,
} from "./spec.js";
export { OPENAPI_TS_OPTIONS, transformDocument } from "./transform/openapi-ts.js";
export {
  targetPackages,
  targets,
  type GeneratedFile,
  type Target,
  type TargetContext,
} from "./targets/index.js";
