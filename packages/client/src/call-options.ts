import type { CallRetryOptions } from "./retry.js";

/** Options of one call of a resource method (`client.messages.send(body, options)`). */
export interface CallOptions extends CallRetryOptions {
  /** Aborts the call, its retries and waits included; the call rejects with `signal.reason`. */
  signal?: AbortSignal | undefined;
  /** Headers added to this call's request; `null` removes one. */
  headers?: Record<string, string> | undefined;
}
