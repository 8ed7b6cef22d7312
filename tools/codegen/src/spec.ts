import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { OpenAPI3 } from "openapi-typescript";
import { parse } from "yaml";

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

/** Reads and parses a spec once; every target is handed the same object. */
export function loadSpec(specPath: string, repoRoot: string): LoadedSpec {
  const spec = parse(readFileSync(specPath, "utf8")) as unknown;
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
