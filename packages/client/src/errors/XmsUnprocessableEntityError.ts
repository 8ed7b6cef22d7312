import { XmsApiError } from "./XmsApiError.js";

/** 422 Unprocessable Entity. */
export class XmsUnprocessableEntityError extends XmsApiError {
  override name = "XmsUnprocessableEntityError" as const;
}
