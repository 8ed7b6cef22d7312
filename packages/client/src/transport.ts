import type { ApiErrorContext } from "./errors/XmsApiError.js";
import type { FetchLike, Policy } from "./retry.js";

/** What both call styles of one client share. */
export interface Transport {
  policy: Policy;
  /** Absolute, without a trailing slash. */
  baseUrl: string;
  /** Every request's headers: the client's own, then the credentials (which nothing overrides). */
  headers: Record<string, string>;
  /** The credential headers, added after any per-call headers. */
  credentials: Record<string, string>;
  /**
   * The caller's `fetch`, handed a Request with the attempt's signal in it; `undefined` for the
   * runtime's own, which takes the signal beside the request (see `send`).
   */
  fetch: FetchLike | undefined;
  /** Whether a call may be repeated, by method and path template. */
  idempotent(method: string, path: string): boolean;
  /** For the messages of API errors. */
  context: ApiErrorContext;
}

/**
 * Sends one attempt. The runtime's `fetch` gets the attempt's signal in `init`: undici then builds
 * one Request that follows one signal, as for a bare openapi-fetch call (a signal inside a Request
 * that fetch wraps again costs a second follow, ~5% of a loopback call). A custom fetch may ignore
 * its `init`, so it is handed a Request that carries the signal: built here from a URL, or, from
 * the path API, the one openapi-fetch built with the signal already in it.
 */
export function send(t: Transport, input: string | Request, init: RequestInit): Promise<Response> {
  if (!t.fetch) return fetch(input, init);
  return t.fetch(typeof input == "string" ? new Request(input, init) : input);
}
