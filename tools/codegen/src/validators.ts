import { printGeneratedJs } from "./format.js";
import type { OpenAPIDocument } from "./spec.js";
import { offThread } from "./thread.js";
import {
  compileValidators,
  validatorCollections,
  type Validated,
} from "./transform/webhook-validators.js";

export interface ValidatorsRequest {
  spec: OpenAPIDocument;
  validated: Validated;
}

/** The last module printed on this thread, by what it was compiled from (`--watch` saves). */
let last: { key: string; js: Promise<string> } | undefined;

/**
 * Compiles the validators and prints their module (see printGeneratedJs). Under `--watch`, a save
 * that leaves ajv's input as it was (a description or a comment edited: annotations are not part
 * of it) gets the last module again, without the half second of compiling.
 */
export function printValidators({ spec, validated }: ValidatorsRequest): Promise<string> {
  const collections = validatorCollections(spec, validated);
  const key = JSON.stringify([collections, validated]);
  if (last?.key !== key) {
    const js = printGeneratedJs(compileValidators(collections, validated));
    last = { key, js };
    // A failure is not remembered: the next save tries again.
    js.catch(() => last?.js === js && (last = undefined));
  }
  return last.js;
}

/**
 * The validators, compiled by ajv on a thread of their own (validators-worker.js): about a second
 * of CPU that, with two cores, overlaps openapi-typescript's. The spec is copied to the thread.
 */
export const validatorsThread = offThread(
  new URL("./validators-worker.js", import.meta.url),
  printValidators,
);
