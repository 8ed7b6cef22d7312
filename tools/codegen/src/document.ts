import type { OpenAPIDocument } from "./spec.js";
import { lastOutput, offThread } from "./thread.js";

/** The last rendering on this thread, by the spec it was rendered from. */
const remembered = lastOutput<string>();

/**
 * openapi-typescript's rendering of the spec (see transform/openapi-ts.ts), loaded on first use.
 * Under `--watch`, a save that leaves the parsed spec as it was (a comment edited) gets the last
 * rendering again.
 */
export function renderDocument(spec: OpenAPIDocument): Promise<string> {
  return remembered(JSON.stringify(spec), async () => {
    const { transformDocument } = await import("./transform/openapi-ts.js");
    const source = await transformDocument(spec);
    (await import("./typescript-cjs.js")).saveCodeCache();
    return source;
  });
}

/**
 * openapi-typescript on a thread of its own (document-worker.js): loading TypeScript and
 * openapi-typescript's transforms overlaps the main thread's reading of the spec, and running
 * them overlaps ajv's compiling of the validators. The spec is copied to the thread.
 */
export const documentThread = offThread(
  new URL("./document-worker.js", import.meta.url),
  renderDocument,
);
