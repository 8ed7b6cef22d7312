import { XmsApiError } from "./XmsApiError.js";

/** 403 Forbidden: the key is valid but may not do this. */
export class XmsPermissionDeniedError extends XmsApiError {
  override name = "XmsPermissionDeniedError" as const;
}
