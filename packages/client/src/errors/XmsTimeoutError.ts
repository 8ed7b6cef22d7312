import { XmsConnectionError } from "./XmsConnectionError.js";

/**
 * An attempt took longer than `timeoutMs`, or the call outlived `deadlineMs`. Whether the server
 * processed the request is unknown. A subclass of `XmsConnectionError`.
 */
export class XmsTimeoutError extends XmsConnectionError {
  override name = "XmsTimeoutError" as const;

  constructor(method: string, url: string, message: string) {
    super(method, url, undefined, `${message}: ${method} ${url}`);
  }
}
