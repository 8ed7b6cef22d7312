/**
 * The package's errors: one small hierarchy under XmsWebhooksError. None of them ever holds a
 * request header, so a verification token can not leak through a message, `toJSON` or a log.
 */

const BRAND = Symbol.for("@mehery/xms-webhooks/error");

/** A field of a webhook body that failed validation. */
export interface PayloadIssue {
  /** JSON pointer (RFC 6901) to the field, e.g. `/messages/0/text`; `""` is the whole body. */
  pointer: string;
  message: string;
}

/** Which webhook a body is: a message notification or a contact-information request. */
export type WebhookKind = "notification" | "contactInfo";

/** The base class. Use `isXmsWebhooksError()` rather than `instanceof` across realms/bundles. */
export class XmsWebhooksError extends Error {
  override name = "XmsWebhooksError";
  /** Marks instances for isXmsWebhooksError(), which works across copies of this package. */
  readonly [BRAND] = true;

  constructor(message: string, options?: { cause?: unknown }) {
    super(`@mehery/xms-webhooks: ${message}`, options);
  }
}

/** Whether `value` is an error of this package (any copy, any realm). */
export function isXmsWebhooksError(value: unknown): value is XmsWebhooksError {
  return typeof value === "object" && value !== null && BRAND in value;
}

/** The body is not a valid webhook of its kind. `receive()` throws it; `handle()` answers 400. */
export class WebhookPayloadError extends XmsWebhooksError {
  override name = "WebhookPayloadError" as const;
  readonly kind: WebhookKind;
  readonly errors: readonly PayloadIssue[];
  /** What the HTTP entry points answer an invalid body: like WebhookRefusedError's. */
  readonly status = 400;
  readonly reason = "invalid_payload";

  constructor(kind: WebhookKind, errors: readonly PayloadIssue[]) {
    const first = errors[0];
    super(
      `invalid ${kind === "contactInfo" ? "contact-info request" : "message notification"}: ${
        first ? `${first.pointer || "(body)"} ${first.message}` : "invalid"
      }${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ""}`,
    );
    this.kind = kind;
    this.errors = errors;
  }
}

/** A handler threw or rejected; `cause` is what it threw, `event` the event it was given. */
export class WebhookHandlerError extends XmsWebhooksError {
  override name = "WebhookHandlerError" as const;
  readonly event: { readonly name: string; readonly payload: unknown };

  constructor(event: { name: string; payload: unknown }, cause: unknown) {
    super(`a handler of "${event.name}" failed: ${describe(cause)}`, { cause });
    this.event = { name: event.name, payload: event.payload };
  }
}

/** One or more handlers of a delivery failed; thrown by `receive()`. */
export class WebhookDispatchError extends XmsWebhooksError {
  override name = "WebhookDispatchError" as const;
  readonly errors: readonly XmsWebhooksError[];

  constructor(errors: readonly XmsWebhooksError[]) {
    super(`${errors.length} handler(s) failed; the first: ${errors[0]?.message ?? "unknown"}`);
    this.errors = errors;
  }
}

/** The onContactInfo handler answered something that is not a ContactInfoUpdate; not sent. */
export class ContactInfoAnswerError extends XmsWebhooksError {
  override name = "ContactInfoAnswerError" as const;
  readonly errors: readonly PayloadIssue[];

  constructor(errors: readonly PayloadIssue[]) {
    const first = errors[0];
    super(
      `the onContactInfo handler's answer is not a valid ContactInfoUpdate${
        first ? `: ${first.pointer || "(answer)"} ${first.message}` : ""
      }`,
    );
    this.errors = errors;
  }
}

/** The onContactInfo handler did not answer within contactInfoTimeoutMs; `{}` was sent. */
export class ContactInfoTimeoutError extends XmsWebhooksError {
  override name = "ContactInfoTimeoutError" as const;
  readonly timeoutMs: number;

  constructor(timeoutMs: number) {
    super(`the onContactInfo handler did not answer within ${timeoutMs} ms; answered {}`);
    this.timeoutMs = timeoutMs;
  }
}

/** The dedupe store failed; the item was processed anyway (a duplicate beats a loss). */
export class DedupeStoreError extends XmsWebhooksError {
  override name = "DedupeStoreError" as const;

  constructor(operation: string, cause: unknown) {
    super(`the dedupe store failed to ${operation}: ${describe(cause)}`, { cause });
  }
}

/**
 * Not a failure of the delivery, a notice: an item the spec does not list was accepted (the
 * delivery is answered 200, as usual) but no handler received it. Such items reach only their
 * own events, which nobody registered: `message.unlisted` (a message of a `type` the spec does
 * not list), `status.unlisted` (a `status` it does not list) or `unknown.<list>` (an item of a
 * list it does not know; onAny only), and `onAny`. `event` holds the item, so that it is not
 * lost; register one of those handlers to receive such items instead.
 */
export class UnhandledItemError extends XmsWebhooksError {
  override name = "UnhandledItemError" as const;
  /** The event the item was dispatched as (`message.unlisted`, `unknown.reactions`...), and the item. */
  readonly event: { readonly name: string; readonly payload: unknown };

  /** `what` says what the item is, e.g. `a message whose type "sticker" the spec does not list`. */
  constructor(event: { name: string; payload: unknown }, what: string) {
    super(
      `no handler received ${what} (answered 200 all the same); register ${
        event.name.startsWith("unknown.") ? "" : `on(${JSON.stringify(event.name)}) or `
      }onAny() to receive it`,
    );
    this.event = { name: event.name, payload: event.payload };
  }
}

/** Why a delivery was refused: the `error` code of the answer's body (see the status policy). */
export type RefusalReason =
  | "method_not_allowed"
  | "unauthorized"
  | "unsupported_media_type"
  | "unsupported_encoding"
  | "undecodable_body"
  | "payload_too_large"
  | "request_timeout"
  | "unreadable_body"
  | "body_consumed"
  | "malformed_json"
  | "not_found";

/**
 * A delivery was refused before validation (wrong token, method, type, encoding, size, a stalled
 * or consumed body...). `status` is what the HTTP entry points answered, `reason` the `error` code
 * of that answer; the message says what to check. Never holds a header value, so never the token.
 */
export class WebhookRefusedError extends XmsWebhooksError {
  override name = "WebhookRefusedError" as const;
  readonly status: number;
  readonly reason: RefusalReason;

  constructor(status: number, reason: RefusalReason, message: string) {
    super(`refused a delivery with ${status} ${reason}: ${message}`);
    this.status = status;
    this.reason = reason;
  }
}

/** Every error that onError handlers receive. */
export type WebhookError =
  | WebhookRefusedError
  | WebhookPayloadError
  | WebhookHandlerError
  | ContactInfoAnswerError
  | ContactInfoTimeoutError
  | DedupeStoreError
  | UnhandledItemError;

function describe(value: unknown): string {
  if (value instanceof Error) return value.message;
  try {
    return String(value);
  } catch {
    return "(unprintable value)";
  }
}
