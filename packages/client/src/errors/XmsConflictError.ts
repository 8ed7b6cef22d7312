import { XmsApiError } from "./XmsApiError.js";

/** 409 Conflict. */
export class XmsConflictError extends XmsApiError {
  override name = "XmsConflictError" as const;
}
