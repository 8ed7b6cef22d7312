import type { XmsError } from "./errors/XmsError.js";
import { XmsConnectionError } from "./errors/XmsConnectionError.js";
import { XmsTimeoutError } from "./errors/XmsTimeoutError.js";
import { redact, type Log } from "./log.js";

/** What `onRetry` is told before the client waits `delayMs` and tries again. */
export interface RetryInfo {
  /** The number of the retry about to be made: 1 for the first retry. */
  attempt: number;
  /** How long the client waits before it (from `Retry-After`, or the jittered backoff). */
  delayMs: number;
  method: string;
  url: string;
  /** The failure of the attempt, when it got no response. */
  error?: XmsError | undefined;
  /** The response of the attempt (429, 503, ...), when it got one. Its body has not been read. */
  response?: Response | undefined;
}

/** Retry and timeout settings: per client (`createClient`) or, where marked, per call. */
export interface RetryOptions {
  /** Retries after the first attempt, a finite integer >= 0; `0` disables retrying. Default `2`. Also per call. */
  maxRetries?: number | undefined;
  /** Time limit of one attempt, from sending the request to the end of the response body; finite, > 0. Default `60_000` ms. Also per call. */
  timeoutMs?: number | undefined;
  /** Time limit of the whole call, retries and waits included; finite, > 0. Default: none. Also per call. */
  deadlineMs?: number | undefined;
  /** Backoff: the wait before retry n is random in [0, min(retryMaxDelayMs, retryBaseDelayMs * 2^(n-1))). Default `500` ms. */
  retryBaseDelayMs?: number | undefined;
  /** Cap of the backoff. Default `8_000` ms. */
  retryMaxDelayMs?: number | undefined;
  /** The longest `Retry-After` the client waits for; a longer one is not retried (the 429 is returned or thrown). Default `60_000` ms. */
  maxRetryAfterMs?: number | undefined;
  /** Called before each retry, for logging or metrics. */
  onRetry?: ((info: RetryInfo) => void) | undefined;
}

/**
 * The retry options a single call may override: resource methods take them in `options`, the path
 * API (`client.POST(path, init)`) beside `params` and `body`.
 */
export type CallRetryOptions = Pick<RetryOptions, "maxRetries" | "timeoutMs" | "deadlineMs">;

/** The `fetch` the client sends each attempt through. */
export type FetchLike = (input: Request, init?: RequestInit) => Promise<Response>;

/** The client's settled retry policy. */
export interface Policy {
  maxRetries: number;
  timeoutMs: number;
  deadlineMs: number;
  retryBaseDelayMs: number;
  retryMaxDelayMs: number;
  maxRetryAfterMs: number;
  onRetry: ((info: RetryInfo) => void) | undefined;
  log: Log | undefined;
}

/** One call, as the retry loop sees it. */
export interface Call {
  method: string;
  path: string;
  /** Named in errors and `onRetry`; `send` may replace it with the URL it requested. */
  url: string;
  idempotent: boolean;
  signal: AbortSignal | null | undefined;
}

/** One attempt: `send` fills it in as it goes. */
export interface Attempt {
  /** Aborts the attempt on its time limit or the caller's abort. */
  readonly signal: AbortSignal;
  /**
   * `send` calls this when the response's headers arrive. When it returns true the loop retries
   * this response, and `send` throws `RETRY` without reading the body.
   */
  readonly retries: (response: Response) => boolean;
  /** What the fetch itself threw: a transport failure, not an error of the caller's code. */
  fetchError?: unknown;
  /** Set once the response's headers arrived. */
  response?: Response;
  /** The headers sent, for the log and for naming the credentials sent. */
  headers?: Headers | Record<string, string>;
}

/** Thrown by `send` to hand a retried response back to the loop. */
export const RETRY = new Error("xms-client: retry");

// Connection failures that prove the request was never written: the connection was refused, the
// name did not resolve, or connecting timed out. Only these are retried for non-idempotent calls.
const notSent = /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|UND_ERR_CONNECT_TIMEOUT|ETIMEDOUT_CONNECT)$/;

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
 * Runs `send` once per attempt, under `policy` (the client's, with the call's own options settled
 * over it), until it succeeds, fails in a way that is not safe to retry, or the
 * retries, the deadline or the caller's signal run out. Each attempt gets its own time limit, which
 * `send` must let cover the response body. A send is retried only when the spec marks it
 * idempotent, on a 429 (not processed), or when the request provably never left.
 */
export async function withRetry<T>(
  policy: Policy,
  call: Call,
  send: (attempt: Attempt) => Promise<T>,
): Promise<T> {
  const { method, idempotent, signal } = call;
  const { maxRetries, timeoutMs, deadlineMs, log, onRetry } = policy;
  const start = Date.now();
  const deadline = start + deadlineMs;

  for (let n = 0; ; n++) {
    signal?.throwIfAborted();
    const began = n ? Date.now() : start;
    // setTimeout fires at once past 2^31-1 ms: an Infinity limit must not become 1 ms.
    const limit = Math.min(timeoutMs, deadline - began, 2e9);
    const controller = new AbortController();
    const abort = () => controller.abort(signal!.reason);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, limit);
    signal?.addEventListener("abort", abort);
    let delay: number | undefined;
    const attempt: Attempt = {
      signal: controller.signal,
      retries: (response) => {
        const status = response.status;
        // 429: the spec says the request was not processed, so even a send is safe to repeat.
        if (!retryStatus.includes(status) || !(idempotent || status === 429)) return false;
        const asked = parseRetryAfter(response.headers.get("retry-after"));
        if (asked! > policy.maxRetryAfterMs) return false;
        delay = asked ?? backoff(n);
        return n < maxRetries && Date.now() + delay < deadline;
      },
    };
    let error: XmsConnectionError | undefined;
    try {
      const value = await send(attempt);
      write(n, began, attempt);
      return value;
    } catch (thrown) {
      if (thrown !== RETRY) {
        signal?.throwIfAborted();
        // The fetch failed, or the body broke off (undici's TypeError "terminated"), or time ran out.
        const transport =
          timedOut ||
          ("fetchError" in attempt && thrown === attempt.fetchError) ||
          (attempt.response !== undefined && thrown instanceof TypeError);
        if (!transport) throw thrown;
        delay = backoff(n);
        // The deadline, not the attempt's limit, is what ended the call when it leaves no room.
        const late = limit < timeoutMs || Date.now() + delay >= deadline;
        error = timedOut
          ? new XmsTimeoutError(
              method,
              call.url,
              { code: "ETIMEDOUT", sent: true },
              `${late ? `deadlineMs of ${deadlineMs}` : `timeoutMs of ${timeoutMs}`} ms exceeded`,
            )
          : connectionError(method, call.url, thrown, attempt.response !== undefined);
        const retry = idempotent || !error.sent;
        if (!retry || n >= maxRetries || Date.now() + delay >= deadline) {
          write(n, began, attempt, undefined, error.code);
          throw error;
        }
      }
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener("abort", abort);
    }
    write(n, began, attempt, delay, error?.code);
    const response = error ? undefined : attempt.response;
    onRetry?.({ attempt: n + 1, delayMs: delay!, method, url: call.url, error, response });
    // The retried response's body is not read: release its connection.
    response?.body?.cancel().catch(() => {});
    await sleep(delay!, signal);
  }

  function backoff(n: number): number {
    return Math.random() * Math.min(policy.retryMaxDelayMs, policy.retryBaseDelayMs * 2 ** n);
  }

  // A retry (with its delay) is logged at info, any other attempt at debug.
  function write(n: number, began: number, a: Attempt, delayMs?: number, code?: string) {
    const level = delayMs === undefined ? "debug" : "info";
    // The entry is built only for a line that is written.
    if (log && (log.debug || level == "info"))
      log(level, {
        method,
        path: call.path,
        status: code ?? a.response?.status ?? "error",
        attempt: n + 1,
        delayMs,
        durationMs: Date.now() - began,
        headers: redact(
          a.headers instanceof Headers ? Object.fromEntries(a.headers) : (a.headers ?? {}),
        ),
      });
  }
}

function connectionError(
  method: string,
  url: string,
  cause: unknown,
  responded: boolean,
): XmsConnectionError {
  // undici: TypeError("fetch failed", { cause: Error { code: "ECONNREFUSED" } }).
  type Coded = { cause?: Coded; code?: unknown } | null | undefined;
  const found = (cause as Coded)?.cause?.code ?? (cause as Coded)?.code;
  // undici names a connection the server closed or reset UND_ERR_SOCKET: it is an ECONNRESET.
  const code =
    found == "UND_ERR_SOCKET"
      ? "ECONNRESET"
      : typeof found == "string"
        ? found
        : responded
          ? "ECONNRESET"
          : "ERR_CONNECTION";
  // Once the headers arrived the request was certainly received; before, only a failure that
  // proves the request never left (refused, DNS, connect timeout) counts as unsent.
  const sent = responded || !notSent.test(code);
  return new XmsConnectionError(method, url, { cause, code, sent });
}
