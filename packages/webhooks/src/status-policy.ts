/**
 * The one place that decides what a delivery is answered. Every entry point (the Web `handle()`,
 * the Node middleware) turns an Outcome into a status, headers and body here, and nowhere else.
 *
 * | outcome                  | status | body                                             |
 * | ------------------------ | ------ | ------------------------------------------------ |
 * | not a POST               | 405    | `{"error":"method_not_allowed"}` + `Allow: POST` |
 * | token missing or wrong   | 401    | `{"error":"unauthorized"}` (no detail, ever)     |
 * | not application/json     | 415    | `{"error":"unsupported_media_type"}`             |
 * | body over maxBodyBytes   | 413    | `{"error":"payload_too_large"}`                  |
 * | body unreadable (abort)  | 400    | `{"error":"unreadable_body"}`                    |
 * | not JSON (or not UTF-8)  | 400    | `{"error":"malformed_json"}`                     |
 * | not a valid webhook      | 400    | `{"error":"invalid_payload","errors":[...]}`     |
 * | a handler failed         | 500    | `{"error":"handler_failed"}`                     |
 * | every handler succeeded  | 200    | empty, or the contact-info answer (JSON)         |
 * | Node: not the mount path | 404    | `{"error":"not_found"}` (only without `next`)    |
 *
 * A body never echoes a header, so it can not contain the verification token.
 */
import type { PayloadIssue } from "./errors.js";

export type Outcome =
  | { type: "method_not_allowed" }
  | { type: "unauthorized" }
  | { type: "unsupported_media_type" }
  | { type: "payload_too_large" }
  | { type: "unreadable_body" }
  | { type: "malformed_json" }
  | { type: "invalid_payload"; errors: readonly PayloadIssue[] }
  | { type: "handler_failed" }
  | { type: "processed" }
  | { type: "not_found" }
  /** `json`: the serialized ContactInfoUpdate, validated after serialization. */
  | { type: "answered"; json: string };

export interface HttpAnswer {
  status: number;
  headers: Record<string, string>;
  body: string | null;
  /**
   * The request body was left unread: a Node server should close the connection after
   * answering (`Connection: close`). Web runtimes manage their connections themselves.
   */
  closeConnection?: true;
}

const JSON_HEADERS = { "content-type": "application/json; charset=utf-8" } as const;

function error(status: number, code: string, headers?: Record<string, string>): HttpAnswer {
  return { status, headers: { ...JSON_HEADERS, ...headers }, body: `{"error":"${code}"}` };
}

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
      return error(405, "method_not_allowed", { allow: "POST" });
    case "unauthorized":
      return error(401, "unauthorized");
    case "unsupported_media_type":
      return error(415, "unsupported_media_type", { accept: "application/json" });
    case "payload_too_large":
      return { ...error(413, "payload_too_large"), closeConnection: true };
    case "unreadable_body":
      return error(400, "unreadable_body");
    case "malformed_json":
      return error(400, "malformed_json");
    case "invalid_payload":
      return {
        status: 400,
        headers: { ...JSON_HEADERS },
        body: JSON.stringify({ error: "invalid_payload", errors: outcome.errors }),
      };
    case "handler_failed":
      return error(500, "handler_failed");
    case "not_found":
      return error(404, "not_found");
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
