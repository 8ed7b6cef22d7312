import { XmsApiError } from "./XmsApiError.js";

/** 401 Unauthorized: the API key or API id is missing or wrong. Never retried. */
export class XmsAuthenticationError extends XmsApiError {
  override name = "XmsAuthenticationError" as const;
}
