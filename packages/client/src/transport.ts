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
  fetch: FetchLike;
  /** Whether a call may be repeated, by method and path template. */
  idempotent(method: string, path: string): boolean;
  /** For the messages of API errors. */
  context: ApiErrorContext;
}
