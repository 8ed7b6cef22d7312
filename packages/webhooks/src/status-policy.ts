/**
 * The one place that decides what a delivery is answered. Every entry point (the Web `handle()`,
 * the Node middleware) turns an Outcome into a status, headers and body here, and nowhere else.
 *
 * | outcome                          | status | body (`{"error":code}`) and headers               |
 * | -------------------------------- | ------ | ------------------------------------------------- |
 * | not a POST                       | 405    | `method_not_allowed` + `Allow: POST`              |
 * | token missing or wrong           | 401    | `unauthorized` (no detail, ever)                  |
 * | not application/json             | 415    | `unsupported_media_type` + `Accept`               |
 * | Content-Encoding not supported   | 415    | `unsupported_encoding` + `Accept-Encoding`        |
 * | encoded body that does not decode| 415    | `undecodable_body` + `Accept-Encoding`            |
 * | body (decoded) over maxBodyBytes | 413    | `payload_too_large`                               |
 * | body not complete in bodyTimeout | 408    | `request_timeout`                                 |
 * | body unreadable (abort)          | 400    | `unreadable_body`                                 |
 * | not JSON (or not UTF-8)          | 400    | `malformed_json`                                  |
 * | not a valid webhook              | 400    | `invalid_payload` + `errors: [...]`               |
 * | body consumed by another parser  | 500    | `body_consumed` (our side's setup: retry later)   |
 * | a handler failed                 | 500    | `handler_failed`                                  |
 * | every handler succeeded          | 200    | empty, or the contact-info answer (JSON)          |
 * | Node: not the mount path         | 404    | `not_found` (only without `next`)                 |
 *
 * Every refusal (each row but the last three) is reported to onError as a WebhookRefusedError
 * (or WebhookPayloadError) and answered with `Connection: close`, so that a sender can not keep
 * streaming into the connection.
 *
 * A body never echoes a header, so it can not contain the verification token.
 */
import type { RefusalReason, WebhookPayloadError, XmsWebhooksError } from "./errors.js";

/** A delivery refused before validation; `detail` (never a header value) explains it to onError. */
export interface Refusal {
  type: RefusalReason;
  detail?: string;
}

/**
 * What the pipeline made of a delivery: the one result every entry point reads. `handle()` and
 * the Node middleware answer it (toResponse(), toHttp()); `receive()` returns or throws it.
 */
export type Outcome =
  | Refusal
  | { type: "invalid_payload"; error: WebhookPayloadError }
  /** `errors`: one per failed handler (none when a bug of ours failed the delivery). */
  | { type: "handler_failed"; errors: readonly XmsWebhooksError[] }
  | { type: "processed" }
  /** `json`: the serialized ContactInfoUpdate, validated after serialization; `answer`, its value. */
  | { type: "answered"; json: string; answer: Record<string, unknown> };

/** A delivery that failed on our side, with no handler error to tell (a bug of ours). */
export const FAILED: Outcome = Object.freeze({ type: "handler_failed", errors: Object.freeze([]) });

const NOT_REFUSALS = new Set<string>([
  "invalid_payload",
  "handler_failed",
  "processed",
  "answered",
]);

/** Whether the outcome is a refusal before validation (reported as a WebhookRefusedError). */
export function isRefusal(outcome: Outcome): outcome is Refusal {
  return !NOT_REFUSALS.has(outcome.type);
}

export interface HttpAnswer {
  status: number;
  headers: Record<string, string>;
  body: string | null;
}

const JSON_HEADERS = { "content-type": "application/json; charset=utf-8" } as const;

function error(status: number, code: string, headers?: Record<string, string>): HttpAnswer {
  return { status, headers: { ...JSON_HEADERS, ...headers }, body: `{"error":"${code}"}` };
}

/**
 * A refusal's answer: an error that also closes the connection, so that a sender can not go on
 * streaming a body nobody reads (node:http stops reading once it sent the answer; Web runtimes
 * that run on it, such as @hono/node-server, pass the header through).
 */
function refusal(status: number, code: string, headers?: Record<string, string>): HttpAnswer {
  return error(status, code, { ...headers, connection: "close" });
}

/** Asks the sender to send the body again without Content-Encoding. */
const IDENTITY = { "accept-encoding": "identity" } as const;

/**
 * The answer to almost every delivery. No body: the platform ignores it, and a Response without
 * one is much cheaper to make.
 */
const PROCESSED: HttpAnswer = Object.freeze({
  status: 200,
  headers: Object.freeze({}),
  body: null,
});
/** Its ResponseInit, shared (a Response's body is single-use; its init is not). */
const PROCESSED_INIT: ResponseInit = Object.freeze({ status: PROCESSED.status });

export function toHttp(outcome: Outcome): HttpAnswer {
  switch (outcome.type) {
    case "method_not_allowed":
      return refusal(405, "method_not_allowed", { allow: "POST" });
    case "unauthorized":
      return refusal(401, "unauthorized");
    case "unsupported_media_type":
      return refusal(415, "unsupported_media_type", { accept: "application/json" });
    case "unsupported_encoding":
      return refusal(415, "unsupported_encoding", IDENTITY);
    case "undecodable_body":
      return refusal(415, "undecodable_body", IDENTITY);
    case "payload_too_large":
      return refusal(413, "payload_too_large");
    case "request_timeout":
      return refusal(408, "request_timeout");
    case "unreadable_body":
      return refusal(400, "unreadable_body");
    case "malformed_json":
      return refusal(400, "malformed_json");
    case "body_consumed":
      return refusal(500, "body_consumed");
    case "invalid_payload":
      return {
        status: 400,
        headers: { ...JSON_HEADERS, connection: "close" },
        body: JSON.stringify({ error: "invalid_payload", errors: outcome.error.errors }),
      };
    case "handler_failed":
      return error(500, "handler_failed");
    case "not_found":
      return refusal(404, "not_found");
    case "processed":
      return PROCESSED;
    case "answered":
      return { status: 200, headers: { ...JSON_HEADERS }, body: outcome.json };
  }
}

/** The answer as a Fetch API Response (a new one each time: its body can be read only once). */
export function toResponse(outcome: Outcome): Response {
  const answer = toHttp(outcome);
  // The empty 200 needs no headers object converted on the way in.
  if (answer === PROCESSED) return new Response(null, PROCESSED_INIT);
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}
