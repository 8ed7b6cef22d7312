import { XmsError } from "./XmsError.js";

/**
 * The request failed below HTTP: connection refused, DNS failure, connection reset, socket closed
 * mid-response. `cause` holds the fetch implementation's error.
 */
export class XmsConnectionError extends XmsError {
  override name: string = "XmsConnectionError";
  declare readonly method: string;
  declare readonly url: string;

  constructor(
    method: string,
    url: string,
    options?: { cause?: unknown },
    what = "Connection error",
  ) {
    super(`${what}: ${method} ${url}`, options);
    this.method = method;
    this.url = url;
  }
}
