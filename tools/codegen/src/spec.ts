import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { OpenAPI3 } from "openapi-typescript";
import { CORE_SCHEMA, load } from "js-yaml";

/** The parsed spec. openapi-typescript's own name for an OpenAPI 3.x document. */
export type OpenAPIDocument = OpenAPI3;

export interface LoadedSpec {
  spec: OpenAPIDocument;
  specPath: string;
  repoRoot: string;
}

/** Walks up from `from` to the directory holding pnpm-workspace.yaml. */
export function findRepoRoot(from: string): string {
  let dir = resolve(from);
  for (;;) {
    if (existsSync(join(dir, "pnpm-workspace.yaml"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error(`xms-codegen: no pnpm-workspace.yaml in ${from} or any parent directory`);
    }
    dir = parent;
  }
}

/**
 * Reads and parses a spec once; every target is handed the same object. js-yaml with the YAML 1.2
 * core schema (as tools/mock-server reads the spec) gives the same object as the `yaml` package's
 * default `parse`, in a third of the time.
 */
export function loadSpec(specPath: string, repoRoot: string): LoadedSpec {
  const spec = load(readFileSync(specPath, "utf8"), { schema: CORE_SCHEMA, filename: specPath });
  if (typeof spec !== "object" || spec === null || !("openapi" in spec)) {
    throw new Error(`xms-codegen: ${specPath} is not an OpenAPI document (no "openapi" field)`);
  }
  return { spec: spec as OpenAPIDocument, specPath, repoRoot };
}

/** The repository's spec: `<repo root>/spec/openapi.yaml`. */
export function loadRepoSpec(cwd: string): LoadedSpec {
  const repoRoot = findRepoRoot(cwd);
  return loadSpec(join(repoRoot, "spec", "openapi.yaml"), repoRoot);
}
