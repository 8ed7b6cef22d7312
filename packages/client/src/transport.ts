import { RETRY, type Attempt, type FetchLike, type Policy } from "./retry.js";

/** What both call styles of one client share. */
export interface Transport {
  policy: Policy;
  /** Absolute, without a trailing slash. */
  baseUrl: string;
  /** Every request's headers: the client's own, then the credentials, which win over them. */
  headers: Record<string, string>;
  /** The names of the credential headers (`x-api-key`, `x-api-id`), for the message of a 401. */
  credentials: string[];
  /**
   * The caller's `fetch`, handed a Request with the attempt's signal in it; `undefined` for the
   * runtime's own, which takes the signal beside the request (see `send`).
   */
  fetch: FetchLike | undefined;
  /** Whether a call may be repeated, by method and path template. */
  idempotent(method: string, path: string): boolean;
}

/**
 * Sends one attempt, with its signal, and tells the attempt what happened: the headers sent, the
 * response, or what fetch threw. A response the loop retries is thrown back as `RETRY`, unread.
 * The runtime's `fetch` gets the attempt's signal in `init`: undici then builds
 * one Request that follows one signal, as for a bare openapi-fetch call (a signal inside a Request
 * that fetch wraps again costs a second follow, ~5% of a loopback call). A custom fetch may ignore
 * its `init`, so it is handed a Request that carries the signal: built here from a URL, or, from
 * the path API, the one openapi-fetch built with the signal already in it.
 */
export function send(
  t: Transport,
  a: Attempt,
  input: string | Request,
  init: RequestInit,
): Promise<Response> {
  init.signal = a.signal;
  a.headers = (typeof input == "string" ? init : input).headers as Headers | Record<string, string>;
  const sent = t.fetch
    ? t.fetch(typeof input == "string" ? new Request(input, init) : input)
    : fetch(input, init);
  return sent.then(
    (response) => {
      a.response = response;
      if (a.retries(response)) throw RETRY;
      return response;
    },
    (error: unknown) => {
      a.fetchError = error;
      throw error;
    },
  );
}
