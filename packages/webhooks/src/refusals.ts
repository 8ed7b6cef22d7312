/**
 * What onError is told about each refused delivery: what happened and what to check. A refusal
 * may be a forged sender, or a setup that turns every real delivery away; the message says which
 * to suspect. Nothing here ever quotes a header value, so no message can hold the token.
 */
import { WebhookRefusedError, type RefusalReason } from "./errors.js";
import { toHttp, type Refusal } from "./status-policy.js";

const EXPLANATIONS: Record<RefusalReason, string> = {
  method_not_allowed: "the platform delivers with POST only",
  unauthorized:
    "a forged sender, or a verifyToken configured differently from the platform's token",
  unsupported_media_type: "Content-Type is not application/json",
  unsupported_encoding:
    "the body's Content-Encoding can not be decoded here (gzip, deflate and br can, br only where node:zlib exists); answered Accept-Encoding: identity",
  undecodable_body:
    "the body is not valid data of its Content-Encoding; answered Accept-Encoding: identity",
  payload_too_large: "the body, once decoded, is over maxBodyBytes",
  request_timeout:
    "the body did not arrive within bodyTimeoutMs (a stalled or very slow sender); the connection was closed",
  unreadable_body: "the body could not be read: the sender went away mid-body",
  body_consumed:
    "the request body was already read by another body parser (Fastify, Koa bodyparser, express.json() without req.body...). Mount the middleware before that parser, give it the raw bytes (req.rawBody or express.raw()), or verify and pass the parsed body yourself with webhooks.verifyAndReceive({ token, body })",
  malformed_json: "the body is not JSON in UTF-8",
  not_found:
    "the request path is not under the middleware's path (check the webhook URL configured on the platform)",
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
