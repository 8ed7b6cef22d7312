/** The shapes handlers see. Payload types come from @mehery/xms-webhook-types. */
import type {
  ContactInfoRequestPayload,
  ContactInfoResponse,
  MessageNotificationPayload,
  WebhookEventMap,
  WebhookEventName,
} from "@mehery/xms-webhook-types";
import type { WebhookError } from "./errors.js";

/** Where a message notification comes from (its `meta`). */
export type NotificationMeta = NonNullable<MessageNotificationPayload["meta"]>;

/** A contact of a message notification (an entry of its `contacts`). */
export type NotificationContact = NonNullable<MessageNotificationPayload["contacts"]>[number];

/**
 * A message whose `type` the spec does not list (yet): the fields every message has, and `type`
 * any string. Lenient validation (the default) lets it through and dispatches it to
 * `message.unlisted` (and `onAny`) handlers only, never to `message` or a `message.<type>`
 * one; with neither registered, it is reported to onError as an UnhandledItemError.
 * `validate: "strict"` refuses it.
 */
export type UnlistedMessage = WebhookEventMap["message.unlisted"];

/**
 * A status whose `status` the spec does not list (yet). Lenient validation (the default) lets it
 * through and dispatches it to `status.unlisted` (and `onAny`) handlers only, never to `status`;
 * with neither registered, it is reported to onError as an UnhandledItemError.
 * `validate: "strict"` refuses it.
 */
export type UnlistedStatus = WebhookEventMap["status.unlisted"];

/**
 * What the handlers of `N` receive as `payload`: the event's type from WebhookEventMap. For
 * `message` and `status`, that is exactly the listed union, so `payload.type === "text"` narrows;
 * items the spec does not list go to `message.unlisted` and `status.unlisted` instead.
 */
export type WebhookPayload<N extends WebhookEventName> = WebhookEventMap[N];

/** An event of one item of a message notification. */
export interface NotificationEvent<N extends Exclude<WebhookEventName, "contact.info">> {
  /** The name the handler was registered for (`message`, `message.text`, ...). */
  name: N;
  /**
   * The item: one message, status, event or action; for `message.unlisted` and
   * `status.unlisted`, one whose type or status the spec does not list.
   */
  payload: WebhookPayload<N>;
  /** The notification's `meta`. */
  meta: NotificationMeta | undefined;
  /**
   * The entry of the notification's `contacts` whose contactId is the item's; for an item
   * without a contactId (an action), the only contact when there is exactly one.
   */
  contact: NotificationContact | undefined;
  /** The whole notification the item came in. */
  notification: MessageNotificationPayload;
}

/** The event of a contact-information request. */
export interface ContactInfoEvent {
  name: "contact.info";
  /** The request: the contact the platform asks about. */
  payload: ContactInfoRequestPayload;
  meta: undefined;
  /** The same contact as `payload`. */
  contact: ContactInfoRequestPayload;
  notification: undefined;
}

/**
 * An item of a list the spec does not know (`{"type":"reactions","reactions":[...]}`): not
 * dropped, but handed to `onAny` handlers once per item, as `unknown.<list>`
 * (`unknown.reactions`). Its payload is the item as sent, unvalidated. Without an onAny
 * handler, it is reported to onError as an UnhandledItemError.
 */
export interface UnknownItemEvent {
  /** `unknown.` and the name of the list the item came in. */
  name: `unknown.${string}`;
  /** The item, as sent. */
  payload: unknown;
  /** The notification's `meta`. */
  meta: NotificationMeta | undefined;
  /** The entry of `contacts` whose contactId is the item's, or the only one, if any. */
  contact: NotificationContact | undefined;
  /** The whole notification the item came in. */
  notification: MessageNotificationPayload;
}

/** What an `onAny` handler receives: any event, and items of lists the spec does not know. */
export type AnyEvent = WebhookEvent | UnknownItemEvent;

/** An `onAny` handler. It may be async; its result is awaited and ignored. */
export type AnyHandler = (event: AnyEvent) => unknown;

/** The object a handler of `N` receives; for a union of names, a union narrowed by `name`. */
export type WebhookEvent<N extends WebhookEventName = WebhookEventName> = {
  [K in N]: K extends "contact.info"
    ? ContactInfoEvent
    : NotificationEvent<Exclude<K, "contact.info">>;
}[N];

/** A handler of `N`. It may be async; its result is awaited and ignored. */
export type WebhookHandler<N extends WebhookEventName = WebhookEventName> = (
  event: WebhookEvent<N>,
) => unknown;

/** The handler that answers contact-information requests. */
export type ContactInfoHandler = (
  event: ContactInfoEvent,
) => ContactInfoResponse | Promise<ContactInfoResponse>;

/** Receives every failure: handler errors, invalid payloads, bad answers, timeouts, store errors. */
export type ErrorHandler = (error: WebhookError) => unknown;
