import { findRepoRoot, locateSpec, readSpec } from "@mehery/xms-spec-model";
import type { OpenAPI3 } from "openapi-typescript";

export { findRepoRoot };

/** The parsed spec. openapi-typescript's own name for an OpenAPI 3.x document. */
export type OpenAPIDocument = OpenAPI3;

export interface LoadedSpec {
  spec: OpenAPIDocument;
  specPath: string;
  repoRoot: string;
}

/** Reads and parses a spec once (through @mehery/xms-spec-model); every target gets the same object. */
export function loadSpec(specPath: string, repoRoot: string): LoadedSpec {
  return { spec: readSpec(specPath) as unknown as OpenAPIDocument, specPath, repoRoot };
}

/** The repository's spec: `<repo root>/spec/openapi.yaml`. */
export function loadRepoSpec(cwd: string): LoadedSpec {
  const { specPath, repoRoot } = locateSpec(cwd);
  return loadSpec(specPath, repoRoot);
}
