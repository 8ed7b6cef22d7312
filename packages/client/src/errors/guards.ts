import type { XmsApiError } from "./XmsApiError.js";
import type { XmsAuthenticationError } from "./XmsAuthenticationError.js";
import type { XmsBadRequestError } from "./XmsBadRequestError.js";
import type { XmsConflictError } from "./XmsConflictError.js";
import type { XmsConnectionError } from "./XmsConnectionError.js";
import { BRAND, type XmsError } from "./XmsError.js";
import type { XmsInternalServerError } from "./XmsInternalServerError.js";
import type { XmsNotFoundError } from "./XmsNotFoundError.js";
import type { XmsPermissionDeniedError } from "./XmsPermissionDeniedError.js";
import type { XmsRateLimitError } from "./XmsRateLimitError.js";
import type { XmsResponseParseError } from "./XmsResponseParseError.js";
import type { XmsTimeoutError } from "./XmsTimeoutError.js";
import type { XmsUnprocessableEntityError } from "./XmsUnprocessableEntityError.js";

// The guards test a brand and the error's name, never `instanceof`: they recognise errors thrown
// by another copy of this package (two versions in node_modules) or from another realm.

/** True for any error thrown by @mehery/xms-client. */
export const isXmsError = (e: unknown): e is XmsError =>
  typeof e == "object" && e !== null && (e as Record<symbol, unknown>)[BRAND] === true;

const guard =
  <T extends XmsError>(...names: string[]) =>
  (e: unknown): e is T =>
    isXmsError(e) && names.includes(e.name);

export const isXmsBadRequestError = /* @__PURE__ */ guard<XmsBadRequestError>("XmsBadRequestError");
export const isXmsAuthenticationError =
  /* @__PURE__ */ guard<XmsAuthenticationError>("XmsAuthenticationError");
export const isXmsPermissionDeniedError = /* @__PURE__ */ guard<XmsPermissionDeniedError>(
  "XmsPermissionDeniedError",
);
export const isXmsNotFoundError = /* @__PURE__ */ guard<XmsNotFoundError>("XmsNotFoundError");
export const isXmsConflictError = /* @__PURE__ */ guard<XmsConflictError>("XmsConflictError");
export const isXmsUnprocessableEntityError = /* @__PURE__ */ guard<XmsUnprocessableEntityError>(
  "XmsUnprocessableEntityError",
);
export const isXmsRateLimitError = /* @__PURE__ */ guard<XmsRateLimitError>("XmsRateLimitError");
export const isXmsInternalServerError =
  /* @__PURE__ */ guard<XmsInternalServerError>("XmsInternalServerError");
/** True for `XmsApiError` and each of its subclasses: the API answered with an error status. */
export const isXmsApiError = /* @__PURE__ */ guard<XmsApiError>(
  "XmsApiError",
  "XmsBadRequestError",
  "XmsAuthenticationError",
  "XmsPermissionDeniedError",
  "XmsNotFoundError",
  "XmsConflictError",
  "XmsUnprocessableEntityError",
  "XmsRateLimitError",
  "XmsInternalServerError",
);
/** True for `XmsConnectionError` and `XmsTimeoutError`. */
export const isXmsConnectionError = /* @__PURE__ */ guard<XmsConnectionError>(
  "XmsConnectionError",
  "XmsTimeoutError",
);
export const isXmsTimeoutError = /* @__PURE__ */ guard<XmsTimeoutError>("XmsTimeoutError");
export const isXmsResponseParseError =
  /* @__PURE__ */ guard<XmsResponseParseError>("XmsResponseParseError");
