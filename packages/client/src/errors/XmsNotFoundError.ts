import { XmsApiError } from "./XmsApiError.js";

/** 404 Not Found: the channel, session, template, ... does not exist. */
export class XmsNotFoundError extends XmsApiError {
  override name = "XmsNotFoundError" as const;
}
