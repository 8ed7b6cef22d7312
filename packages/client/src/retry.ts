import type { XmsError } from "./errors/XmsError.js";
import { XmsConnectionError } from "./errors/XmsConnectionError.js";
import { XmsTimeoutError } from "./errors/XmsTimeoutError.js";

/** What `onRetry` is told before the client waits `delayMs` and tries again. */
export interface RetryInfo {
  /** The number of the retry about to be made: 1 for the first retry. */
  attempt: number;
  /** How long the client waits before it (from `Retry-After`, or the jittered backoff). */
  delayMs: number;
  method: string;
  url: string;
  /** The failure of the attempt, when it got no response. */
  error?: XmsError;
  /** The response of the attempt (429, 503, ...), when it got one. Its body can still be read. */
  response?: Response;
}

/** Retry and timeout settings: per client (`createClient`) or, where marked, per call. */
export interface RetryOptions {
  /** Retries after the first attempt; `0` disables retrying. Default `2`. Also per call. */
  maxRetries?: number;
  /** Time limit of one attempt, from sending the request to the end of the response body. Default `60_000` ms. Also per call. */
  timeoutMs?: number;
  /** Time limit of the whole call, retries and waits included. Default: none. Also per call. */
  deadlineMs?: number;
  /** Backoff: the wait before retry n is random in [0, min(retryMaxDelayMs, retryBaseDelayMs * 2^(n-1))). Default `500` ms. */
  retryBaseDelayMs?: number;
  /** Cap of the backoff. Default `8_000` ms. */
  retryMaxDelayMs?: number;
  /** The longest `Retry-After` the client waits for; a longer one is not retried (the 429 is returned or thrown). Default `60_000` ms. */
  maxRetryAfterMs?: number;
  /** Called before each retry, for logging or metrics. */
  onRetry?: (info: RetryInfo) => void;
}

/**
 * The retry options a single call may override: resource methods take them in `options`, the path
 * API (`client.POST(path, init)`) beside `params` and `body` (openapi-fetch forwards them).
 */
export type CallRetryOptions = Pick<RetryOptions, "maxRetries" | "timeoutMs" | "deadlineMs">;

/** The `fetch` the client sends each attempt through. */
export type FetchLike = (input: Request, init?: RequestInit) => Promise<Response>;

type Init = RequestInit & CallRetryOptions;

// Connection failures that prove the request was never written: the connection was refused, the
// name did not resolve, or connecting timed out. Only these are retried for non-idempotent calls.
const notSent = /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|UND_ERR_CONNECT_TIMEOUT)$/;

// Statuses retried for idempotent operations (429 is retried for every operation).
const retryStatus = [408, 429, 500, 502, 503, 504];

/** The wait `Retry-After` asks for (delta-seconds or an HTTP date), in ms; undefined when absent or unparseable. */
export function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return;
  const seconds = +value;
  if (seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  if (date === date) return Math.max(0, date - Date.now()); // not NaN
}

function causeCode(error: unknown): string {
  // undici: TypeError("fetch failed", { cause: Error { code: "ECONNREFUSED" } }).
  type Coded = { cause?: Coded; code?: string } | null | undefined;
  return (error as Coded)?.cause?.code ?? (error as Coded)?.code ?? "";
}

function sleep(ms: number, signal: AbortSignal | null | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const stop = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", stop);
      resolve();
    }, ms);
    signal?.addEventListener("abort", stop, { once: true });
    if (signal?.aborted) stop(); // aborted by onRetry
  });
}

/**
 * Builds the `Request` class and `fetch` that the client hands to openapi-fetch, so the path API
 * and the resource methods share one retry policy. `XmsRequest` keeps the RequestInit openapi-fetch
 * built, so each attempt can resend the body without reading (or cloning) the request's stream.
 */
export function createRetryFetch(
  options: RetryOptions & { fetch?: FetchLike | undefined },
  isIdempotent: (method: string, url: string) => boolean,
): { Request: typeof Request; fetch: (request: Request) => Promise<Response> } {
  const {
    maxRetries: clientMaxRetries = 2,
    timeoutMs: clientTimeoutMs = 60_000,
    deadlineMs: clientDeadlineMs = Infinity,
    retryBaseDelayMs = 500,
    retryMaxDelayMs = 8_000,
    maxRetryAfterMs = 60_000,
    onRetry,
  } = options;
  // Read globalThis.fetch at call time, so a fetch installed after createClient (a test polyfill) is used.
  const baseFetch: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));

  class XmsRequest extends Request {
    /** The init openapi-fetch built: body, caller's signal, per-call options (timeoutMs, ...). */
    declare readonly init: Init;
    /**
     * Aborts the first attempt (on a timeout or the caller's abort). Built into the request so
     * that a GET's first attempt is `fetch(request)` with no init: undici re-validates every
     * header of a request re-created with an init.
     */
    declare readonly controller: AbortController;
    // openapi-fetch accepts a middleware's replacement request only if it is an instance of the
    // class it was given: let any Request pass (xmsFetch handles one that is not ours).
    static override [Symbol.hasInstance](value: unknown): boolean {
      return value instanceof Request;
    }
    constructor(input: string | URL | Request, init: Init = {}) {
      const controller = new AbortController();
      super(input, { ...init, signal: controller.signal });
      this.init = init;
      this.controller = controller;
    }
  }

  async function xmsFetch(request: Request): Promise<Response> {
    const { method, url } = request;
    // A middleware may have replaced our XmsRequest with a plain Request: read its body once.
    let init = (request as Partial<XmsRequest>).init;
    if (!init)
      init = { body: request.body && (await request.arrayBuffer()), signal: request.signal };
    // The caller's signal, when there is one: listening to it (rather than to request.signal,
    // which every Request has) spares the common call without a signal two listener calls.
    const signal = init.signal;
    const maxRetries = init.maxRetries ?? clientMaxRetries;
    const timeoutMs = init.timeoutMs ?? clientTimeoutMs;
    const deadlineMs = init.deadlineMs ?? clientDeadlineMs;
    const deadline = Date.now() + deadlineMs;
    const idempotent = isIdempotent(method, url);
    const own = (request as Partial<XmsRequest>).controller;

    for (let attempt = 0; ; attempt++) {
      signal?.throwIfAborted();
      const left = deadline - Date.now();
      // setTimeout fires at once past 2^31-1 ms: an Infinity timeout must not become 1 ms.
      const limit = Math.min(timeoutMs, left, 2e9);
      // The request's own controller serves the first attempt; each retry gets a fresh one.
      const current = (attempt ? undefined : own) ?? new AbortController();
      const abort = () => current.abort(signal!.reason);
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        current.abort();
      }, limit);
      signal?.addEventListener("abort", abort);
      let response: Response | undefined;
      let error: XmsError | undefined;
      let retry = idempotent;
      try {
        const raw = await baseFetch(
          request,
          current == own && init.body == null
            ? undefined
            : { body: init.body, signal: current.signal },
        );
        // Read the body here, within the attempt's time limit: a connection that dies mid-body is
        // then a failed attempt (retried when safe), not an error escaping from openapi-fetch.
        response = new Response(raw.body && (await raw.arrayBuffer()), raw);
      } catch (cause) {
        signal?.throwIfAborted();
        error = timedOut
          ? new XmsTimeoutError(
              method,
              url,
              undefined,
              `${limit < timeoutMs ? `deadlineMs of ${deadlineMs}` : `timeoutMs of ${timeoutMs}`} ms exceeded`,
            )
          : new XmsConnectionError(method, url, { cause });
        retry ||= !timedOut && notSent.test(causeCode(cause));
      } finally {
        clearTimeout(timer);
        signal?.removeEventListener("abort", abort);
      }

      let delay: number | undefined;
      if (response) {
        const status = response.status;
        // 429: the spec says the request was not processed, so even a send is safe to repeat.
        if (!retryStatus.includes(status) || !(retry || status === 429)) return response;
        delay = parseRetryAfter(response.headers.get("retry-after"));
        if (delay! > maxRetryAfterMs) return response;
      } else if (!retry) throw error;
      delay ??= Math.random() * Math.min(retryMaxDelayMs, retryBaseDelayMs * 2 ** attempt);
      if (attempt >= maxRetries || Date.now() + delay >= deadline) {
        if (response) return response;
        throw error;
      }
      onRetry?.({ attempt: attempt + 1, delayMs: delay, method, url, error, response });
      await sleep(delay, signal);
    }
  }

  return { Request: XmsRequest, fetch: xmsFetch };
}
