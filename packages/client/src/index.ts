// The public surface of @mehery/xms-client. Everything exported is named here; types apart.

export { createClient, DEFAULT_BASE_URL } from "./client.js";
export { resources } from "./generated/resources.js";
export { parseRetryAfter } from "./retry.js";
export { VERSION } from "./version.js";

export { XmsError } from "./errors/XmsError.js";
export { XmsApiError } from "./errors/XmsApiError.js";
export { XmsBadRequestError } from "./errors/XmsBadRequestError.js";
export { XmsAuthenticationError } from "./errors/XmsAuthenticationError.js";
export { XmsPermissionDeniedError } from "./errors/XmsPermissionDeniedError.js";
export { XmsNotFoundError } from "./errors/XmsNotFoundError.js";
export { XmsConflictError } from "./errors/XmsConflictError.js";
export { XmsUnprocessableEntityError } from "./errors/XmsUnprocessableEntityError.js";
export { XmsRateLimitError } from "./errors/XmsRateLimitError.js";
export { XmsInternalServerError } from "./errors/XmsInternalServerError.js";
export { XmsConnectionError } from "./errors/XmsConnectionError.js";
export { XmsTimeoutError } from "./errors/XmsTimeoutError.js";
export { XmsResponseParseError } from "./errors/XmsResponseParseError.js";
export {
  isXmsError,
  isXmsApiError,
  isXmsBadRequestError,
  isXmsAuthenticationError,
  isXmsPermissionDeniedError,
  isXmsNotFoundError,
  isXmsConflictError,
  isXmsUnprocessableEntityError,
  isXmsRateLimitError,
  isXmsInternalServerError,
  isXmsConnectionError,
  isXmsTimeoutError,
  isXmsResponseParseError,
} from "./errors/guards.js";

export type { ClientOptions, XmsClient, XmsPathClient } from "./client.js";
export type { PathMethod } from "./path-client.js";
export type { AttemptLog, Logger, LogLevel } from "./log.js";
export type {
  CallOptions,
  OperationBody,
  OperationQuery,
  OperationResponse,
  ResourceMethod,
  Resources,
  ResourceTable,
} from "./resources.js";
export type { CallRetryOptions, FetchLike, RetryInfo, RetryOptions } from "./retry.js";
export type { ApiErrorContext, ApiErrorResponse, ApiFieldError } from "./errors/XmsApiError.js";
// Deliberately not re-exported: @mehery/xms-types (`paths`, `components`, named schema types).
// Import them from that package, which this one depends on.
