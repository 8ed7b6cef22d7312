import { XmsError } from "./XmsError.js";

/** A successful response whose body is not the JSON the spec promises (malformed JSON, an HTML page, ...). */
export class XmsResponseParseError extends XmsError {
  override name = "XmsResponseParseError" as const;
  declare readonly status: number;
  declare readonly method: string;
  declare readonly url: string;

  constructor(status: number, method: string, url: string, options?: { cause?: unknown }) {
    super(`Invalid JSON in the ${status} response: ${method} ${url}`, options);
    this.status = status;
    this.method = method;
    this.url = url;
  }
}
