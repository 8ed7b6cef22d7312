import { XmsApiError, type ApiErrorContext } from "./XmsApiError.js";
import { XmsAuthenticationError } from "./XmsAuthenticationError.js";
import { XmsBadRequestError } from "./XmsBadRequestError.js";
import { XmsConflictError } from "./XmsConflictError.js";
import { XmsInternalServerError } from "./XmsInternalServerError.js";
import { XmsNotFoundError } from "./XmsNotFoundError.js";
import { XmsPermissionDeniedError } from "./XmsPermissionDeniedError.js";
import { XmsRateLimitError } from "./XmsRateLimitError.js";
import { XmsUnprocessableEntityError } from "./XmsUnprocessableEntityError.js";

const byStatus: Record<number, typeof XmsApiError> = {
  400: XmsBadRequestError,
  401: XmsAuthenticationError,
  403: XmsPermissionDeniedError,
  404: XmsNotFoundError,
  409: XmsConflictError,
  422: XmsUnprocessableEntityError,
  429: XmsRateLimitError,
};

/** The `XmsApiError` subclass for an HTTP error status (any 5xx is an `XmsInternalServerError`). */
export function createApiError(
  response: Response,
  body: unknown,
  method: string,
  url: string,
  context?: ApiErrorContext,
): XmsApiError {
  const status = response.status;
  const Class = byStatus[status] ?? (status >= 500 ? XmsInternalServerError : XmsApiError);
  return new Class(response, body, method, url, context);
}
