// The public surface of @mehery/xms-webhook-types. Everything under generated/ comes from
// spec/openapi.yaml through tools/codegen; this file only chooses what is exported.

// What each webhook delivers, and what the contact-information request expects back.
export type {
  ContactInfoRequestPayload,
  ContactInfoResponse,
  MessageNotificationPayload,
} from "./generated/payloads.js";

// Every event a handler can subscribe to, its payload, and the value lists behind the names.
export {
  eventCodes,
  messageTypes,
  notificationItemKinds,
  statusCodes,
  webhookEventNames,
  type NotificationItemKind,
  type WebhookEventMap,
  type WebhookEventName,
} from "./generated/events.js";
