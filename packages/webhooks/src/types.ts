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

/** An event of one item of a message notification. */
export interface NotificationEvent<N extends Exclude<WebhookEventName, "contact.info">> {
  /** The name the handler was registered for (`message`, `message.text`, ...). */
  name: N;
  /** The item: one message, status, event or action. */
  payload: WebhookEventMap[N];
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
