import { XmsError } from "./XmsError.js";

/**
 * The request failed below HTTP: connection refused, DNS failure, connection reset, socket closed
 * mid-response. `cause` holds the fetch implementation's error. Before sending a non-idempotent
 * request again, read `sent`.
 */
export class XmsConnectionError extends XmsError {
  override name: string = "XmsConnectionError";
  declare readonly method: string;
  declare readonly url: string;
  /** The failure's code: `ECONNREFUSED`, `ENOTFOUND`, `EAI_AGAIN`, `ECONNRESET`, `ETIMEDOUT`, ... */
  declare readonly code: string;
  /**
   * `false` only when the request provably never left (connection refused, the name did not
   * resolve, connecting timed out): sending it again cannot duplicate it. `true` when it may have
   * reached the server.
   */
  declare readonly sent: boolean;

  constructor(
    method: string,
    url: string,
    options?: { cause?: unknown; code?: string | undefined; sent?: boolean | undefined },
    what = "Connection error",
  ) {
    const code = options?.code ?? "ERR_CONNECTION";
    const sent = options?.sent ?? true;
    super(
      `${what} (${code}; ${sent ? "the request may have reached the server" : "the request was not sent"}): ${method} ${url}`,
      options,
    );
    this.method = method;
    this.url = url;
    this.code = code;
    this.sent = sent;
  }
}
