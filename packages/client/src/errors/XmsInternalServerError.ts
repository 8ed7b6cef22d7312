import { XmsApiError } from "./XmsApiError.js";

/** 5xx: the server failed; whether the request took effect is unknown, so a send is never retried. */
export class XmsInternalServerError extends XmsApiError {
  override name = "XmsInternalServerError" as const;
}
