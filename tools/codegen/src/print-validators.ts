import { printGeneratedJs } from "./format.js";
import type { OpenAPIDocument } from "./spec.js";
import { lastOutput } from "./thread.js";
import {
  compileValidators,
  validatorCollections,
  type Validated,
} from "./transform/webhook-validators.js";

export interface ValidatorsRequest {
  spec: OpenAPIDocument;
  validated: Validated;
}

/** The last module printed on this thread, by what it was compiled from. */
const remembered = lastOutput<string>();

/**
 * Compiles the validators and prints their module (see printGeneratedJs). Under `--watch`, a save
 * that leaves ajv's input as it was (a description or a comment edited: annotations are not part
 * of it) gets the last module again, without the half second of compiling.
 */
export function printValidators({ spec, validated }: ValidatorsRequest): Promise<string> {
  const collections = validatorCollections(spec, validated);
  return remembered(JSON.stringify([collections, validated]), () =>
    printGeneratedJs(compileValidators(collections, validated)),
  );
}
