import { XmsApiError } from "./XmsApiError.js";

/** 400 Bad Request: the request is invalid; `errors` names the fields at fault. */
export class XmsBadRequestError extends XmsApiError {
  override name = "XmsBadRequestError" as const;
}
