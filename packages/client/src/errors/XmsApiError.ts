import type { components } from "@mehery/xms-types";
import { XmsError } from "./XmsError.js";

export type ApiErrorResponse = components["schemas"]["ApiErrorResponse"];
export type ApiFieldError = components["schemas"]["ApiFieldError"];

/**
 * The API answered with an HTTP error status. Thrown by the resource methods
 * (`client.messages.send(...)`); the path API (`client.POST(...)`) returns `{ error }` instead.
 * Subclasses name the common statuses: `XmsBadRequestError` (400), `XmsAuthenticationError` (401),
 * `XmsPermissionDeniedError` (403), `XmsNotFoundError` (404), `XmsConflictError` (409),
 * `XmsUnprocessableEntityError` (422), `XmsRateLimitError` (429), `XmsInternalServerError` (5xx).
 */
export class XmsApiError extends XmsError {
  override name: string = "XmsApiError";
  /** The HTTP status code. */
  declare readonly status: number;
  /** The parsed error envelope, or `undefined` when the body was not a JSON object (an HTML page, ...). */
  declare readonly body: ApiErrorResponse | undefined;
  /** The fields at fault (`body.errors`), or `[]`. */
  declare readonly errors: ApiFieldError[];
  /** The server's trace id (`body.traceid`); quote it to support. */
  declare readonly traceId: string | undefined;
  /** The response headers. */
  declare readonly headers: Headers;
  declare readonly method: string;
  declare readonly url: string;

  constructor(response: Response, body: unknown, method: string, url: string) {
    // A JSON object (the envelope); not a string (an HTML page), an array or null.
    const envelope =
      (body as object | null)?.constructor == Object ? (body as ApiErrorResponse) : undefined;
    const errors = Array.isArray(envelope?.errors) ? envelope.errors : [];
    const fields = errors.map((f) => `${f.field}: ${f.description ?? f.code}`).join("; ");
    super(
      `${response.status} ${envelope?.message || response.statusText || "HTTP error"}${fields ? ` (${fields})` : ""}`,
    );
    this.status = response.status;
    this.body = envelope;
    this.errors = errors;
    this.traceId = envelope?.traceid;
    this.headers = response.headers;
    this.method = method;
    this.url = url;
  }
}
