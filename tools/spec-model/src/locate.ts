/** Where the spec and its companions are: found from the workspace root, never hard-coded per tool. */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** Walks up from `from` to the directory holding pnpm-workspace.yaml. */
export function findRepoRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = resolve(from);
  for (;;) {
    if (existsSync(join(dir, "pnpm-workspace.yaml"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error(`spec-model: no pnpm-workspace.yaml in ${from} or any parent directory`);
    }
    dir = parent;
  }
}

export interface SpecLocation {
  repoRoot: string;
  /** `spec/openapi.yaml`: the source of truth. */
  specPath: string;
  /** `spec/CORRECTIONS.md`: every deviation from the published reference. */
  correctionsPath: string;
  /** `redocly.yaml`: the lint configuration. */
  redoclyConfigPath: string;
}

/** The repository's spec files, found from `from` (default: this package's own directory). */
export function locateSpec(from?: string): SpecLocation {
  const repoRoot = findRepoRoot(from);
  return {
    repoRoot,
    specPath: join(repoRoot, "spec", "openapi.yaml"),
    correctionsPath: join(repoRoot, "spec", "CORRECTIONS.md"),
    redoclyConfigPath: join(repoRoot, "redocly.yaml"),
  };
}
