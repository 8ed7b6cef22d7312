import { XmsConnectionError } from "./XmsConnectionError.js";

/**
 * An attempt took longer than `timeoutMs`, or the call outlived `deadlineMs`. Whether the server
 * processed the request is unknown. A subclass of `XmsConnectionError`; its message names the limit:
 * `timeoutMs of 60000 ms exceeded: POST https://...`.
 */
export class XmsTimeoutError extends XmsConnectionError {
  override name = "XmsTimeoutError" as const;
}
