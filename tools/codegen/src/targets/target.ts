import type { OpenAPIDocument } from "../spec.js";

export interface TargetContext {
  spec: OpenAPIDocument;
  specPath: string;
  repoRoot: string;
}

/** A file a target produces; `path` is relative to the package the target runs in. */
export interface GeneratedFile {
  path: string;
  contents: string;
}

/** Produces the formatted generated files of one package. Writes nothing itself. */
export type Target = (ctx: TargetContext) => Promise<GeneratedFile[]>;
