import type { components } from "@mehery/xms-types";
import { DEFAULT_BASE_URL } from "../defaults.js";
import { XmsError } from "./XmsError.js";

export type ApiErrorResponse = components["schemas"]["ApiErrorResponse"];
export type ApiFieldError = components["schemas"]["ApiFieldError"];

/** What the client knew when the response came, for a message that says what to do. */
export interface ApiErrorContext {
  /** The client's base URL. */
  baseUrl?: string | undefined;
  /** The names of the credential headers the request carried (`x-api-key`, `x-api-id`); never their values. */
  credentials?: readonly string[] | undefined;
}

function describe(
  status: number,
  statusText: string,
  envelope: ApiErrorResponse | undefined,
  errors: ApiFieldError[],
  method: string,
  url: string,
  context: ApiErrorContext,
): string {
  let message = `${status} ${envelope?.message || statusText || "HTTP error"}`;
  const fields = errors.map((f) => `${f.field}: ${f.description ?? f.code}`).join("; ");
  if (fields) message += ` (${fields})`;
  if (envelope?.traceid) message += ` [traceid ${envelope.traceid}]`;
  message += `: ${method} ${url}`;
  if (!envelope) {
    // An HTML page or an empty body comes from a proxy or a wrong path, not from the API.
    message +=
      `. The body is not the API's JSON error envelope: check baseUrl` +
      `${context.baseUrl ? ` (${context.baseUrl})` : ""}; the production one is ${DEFAULT_BASE_URL}`;
  }
  if (status == 401 && context.credentials) {
    const sent = context.credentials;
    message += `. Sent ${sent.length ? sent.join(" and ") : "no credentials"}${sent.includes("x-api-id") ? "" : " (no x-api-id)"}; check that they are a pair from the same key`;
  }
  return message;
}

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

  constructor(
    response: Response,
    body: unknown,
    method: string,
    url: string,
    context: ApiErrorContext = {},
  ) {
    // A JSON object (the envelope); not a string (an HTML page), an array or null.
    const envelope =
      (body as object | null)?.constructor == Object ? (body as ApiErrorResponse) : undefined;
    const errors = Array.isArray(envelope?.errors) ? envelope.errors : [];
    super(describe(response.status, response.statusText, envelope, errors, method, url, context));
    this.status = response.status;
    this.body = envelope;
    this.errors = errors;
    this.traceId = envelope?.traceid;
    this.headers = response.headers;
    this.method = method;
    this.url = url;
  }
}
