import type { ValidatorsRequest } from "./print-validators.js";
import { offThread } from "./thread.js";

/**
 * The validators, compiled by ajv on a thread of their own (validators-worker.js): about a second
 * of CPU that, with two cores, overlaps openapi-typescript's. The spec is copied to the thread.
 * print-validators.ts (and the spec model it uses) loads there, or here on first use when threads
 * are not available: the CLI starts this thread before it loads anything else.
 */
export const validatorsThread = offThread(
  new URL("./validators-worker.js", import.meta.url),
  async (request: ValidatorsRequest) =>
    (await import("./print-validators.js")).printValidators(request),
);
