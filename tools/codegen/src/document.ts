import type { OpenAPIDocument } from "./spec.js";
import { offThread } from "./thread.js";

/** openapi-typescript's rendering of the spec (see transform/openapi-ts.ts), loaded on first use. */
export async function renderDocument(spec: OpenAPIDocument): Promise<string> {
  return (await import("./transform/openapi-ts.js")).transformDocument(spec);
}

/**
 * openapi-typescript on a thread of its own (document-worker.js): loading TypeScript and
 * openapi-typescript (0.7 s) overlaps the main thread's reading of the spec, and running them
 * (0.3 s) overlaps ajv's compiling of the validators. The spec is copied to the thread.
 */
export const documentThread = offThread(
  new URL("./document-worker.js", import.meta.url),
  renderDocument,
);
