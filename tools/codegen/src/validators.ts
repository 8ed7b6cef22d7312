import { printGeneratedJs } from "./format.js";
import type { OpenAPIDocument } from "./spec.js";
import { offThread } from "./thread.js";
import { validatorSources, type Validated } from "./transform/webhook-validators.js";

export interface ValidatorsRequest {
  spec: OpenAPIDocument;
  validated: Validated;
}

/** Compiles the validators and prints their module (see printGeneratedJs). */
export async function printValidators({ spec, validated }: ValidatorsRequest): Promise<string> {
  return printGeneratedJs(validatorSources(spec, validated));
}

/**
 * The validators, compiled by ajv on a thread of their own (validators-worker.js): about a second
 * of CPU that, with two cores, overlaps openapi-typescript's. The spec is copied to the thread.
 */
export const validatorsThread = offThread(
  new URL("./validators-worker.js", import.meta.url),
  printValidators,
);
