import type { OpenAPIDocument } from "./spec.js";
import { offThread } from "./thread.js";

/** The last rendering on this thread, by the spec it was rendered from (`--watch` saves). */
let last: { key: string; text: Promise<string> } | undefined;

/**
 * openapi-typescript's rendering of the spec (see transform/openapi-ts.ts), loaded on first use.
 * Under `--watch`, a save that leaves the parsed spec as it was (a comment edited) gets the last
 * rendering again.
 */
export function renderDocument(spec: OpenAPIDocument): Promise<string> {
  const key = JSON.stringify(spec);
  if (last?.key !== key) {
    const text = import("./transform/openapi-ts.js").then((m) => m.transformDocument(spec));
    last = { key, text };
    // A failure is not remembered: the next save tries again.
    text.catch(() => last?.text === text && (last = undefined));
  }
  return last.text;
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
