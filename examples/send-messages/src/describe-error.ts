import {
  isXmsApiError,
  isXmsAuthenticationError,
  isXmsBadRequestError,
  isXmsConnectionError,
  isXmsError,
  isXmsRateLimitError,
  isXmsTimeoutError,
  parseRetryAfter,
} from "@mehery/xms-client";

/**
 * One line that says what went wrong and what to do about it. The guards work on any error
 * thrown by @mehery/xms-client (even from another copy of the package); the most specific comes
 * first. No error of the client holds the API key, so the line is safe to log.
 */
export function describeError(error: unknown): string {
  if (isXmsRateLimitError(error)) {
    // The client already retried (twice by default) before giving up.
    const waitMs = parseRetryAfter(error.headers.get("retry-after"));
    const when = waitMs === undefined ? "later" : `in ${Math.ceil(waitMs / 1000)} s`;
    return `rate limited (429): try again ${when}`;
  }
  if (isXmsAuthenticationError(error)) {
    return "the API refused the credentials (401): check XMS_API_KEY and XMS_API_ID";
  }
  if (isXmsBadRequestError(error)) {
    const fields = error.errors.map((e) => `${e.field}: ${e.description ?? e.code}`).join("; ");
    return `the API refused the request (400): ${fields || error.message}`;
  }
  if (isXmsTimeoutError(error)) {
    // The message may or may not have been sent: look for it before sending it again.
    return `no answer in time: ${error.message}`;
  }
  if (isXmsConnectionError(error)) {
    return `could not reach the API (${error.message}): check XMS_BASE_URL`;
  }
  if (isXmsApiError(error)) {
    return `the API answered ${error.message}${error.traceId ? ` (trace id ${error.traceId})` : ""}`;
  }
  if (isXmsError(error)) return error.message;
  return `unexpected error: ${String(error)}`;
}
