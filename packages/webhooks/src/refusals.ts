/**
 * What onError is told about each refused delivery: what happened and what to check. A refusal
 * may be a forged sender, or a setup that turns every real delivery away; the message says which
 * to suspect. Nothing here ever quotes a header value, so no message can hold the token.
 */
import { WebhookRefusedError, type RefusalReason } from "./errors.js";
import { toHttp, type Refusal } from "./status-policy.js";

const EXPLANATIONS: Record<RefusalReason, string> = {
  method_not_allowed: "deliveries are POSTs",
  unauthorized: "a forged sender, or verifyToken differs from the platform's token",
  unsupported_media_type: "Content-Type is not application/json",
  unsupported_encoding: "a Content-Encoding not decodable here; asked for identity",
  undecodable_body: "not valid data of its Content-Encoding; asked for identity",
  payload_too_large: "the (decoded) body is over maxBodyBytes",
  request_timeout: "the body did not complete within bodyTimeoutMs",
  unreadable_body: "the sender went away mid-body",
  body_consumed:
    "a body parser read the body first: mount this before it, pass the raw body (req.rawBody, express.raw()), or use webhooks.verifyAndReceive({ token, body })",
  malformed_json: "the body is not JSON in UTF-8",
  not_found: "check the webhook URL set on the platform",
};

/** The error reported to onError for a refusal. */
export function refusalError(refusal: Refusal): WebhookRefusedError {
  const explanation = EXPLANATIONS[refusal.type];
  return new WebhookRefusedError(
    toHttp(refusal).status,
    refusal.type,
    refusal.detail ? `${refusal.detail}; ${explanation}` : explanation,
  );
}
