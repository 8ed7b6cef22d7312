import { XmsApiError } from "./XmsApiError.js";

/** 429 Too Many Requests: the request was not processed. Retried (also for sends) unless `Retry-After` asks for longer than `maxRetryAfterMs`. */
export class XmsRateLimitError extends XmsApiError {
  override name = "XmsRateLimitError" as const;
}
