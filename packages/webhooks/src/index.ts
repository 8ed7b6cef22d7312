// The public surface of @mehery/xms-webhooks. Everything not listed here is internal.

export {
  createWebhooks,
  type ReceiveOptions,
  type VerifyAndReceiveInput,
  type Webhooks,
} from "./webhooks.js";
export type { TokenSource } from "./verify-token.js";
export type { WebhooksOptions } from "./options.js";
export type { ValidationMode } from "./validate.js";

// Node (node:http, Express, Connect). The Web entry point is `webhooks.handle(request)`.
export {
  createNodeMiddleware,
  type NodeMiddleware,
  type NodeMiddlewareOptions,
  type NodeRequest,
  type NodeResponse,
} from "./node.js";

// What handlers receive.
export type {
  AnyEvent,
  AnyHandler,
  ContactInfoEvent,
  ContactInfoHandler,
  ErrorHandler,
  NotificationContact,
  NotificationEvent,
  NotificationMeta,
  UnlistedMessage,
  UnlistedStatus,
  UnknownItemEvent,
  WebhookEvent,
  WebhookHandler,
  WebhookPayload,
} from "./types.js";

// Duplicate deliveries.
export {
  createMemoryDedupeStore,
  type DedupeCheckStore,
  type DedupeClaimStore,
  type DedupeOptions,
  type DedupeStore,
  type MemoryDedupeStoreOptions,
} from "./dedupe.js";

// Event names, checked when a handler is registered.
export { WebhookEventNameError } from "./event-names.js";

// Routing: the paths the spec publishes for each webhook.
export { WEBHOOK_PATHS } from "./routing.js";

// Errors.
export {
  ContactInfoAnswerError,
  ContactInfoTimeoutError,
  DedupeStoreError,
  UnhandledItemError,
  WebhookDispatchError,
  WebhookHandlerError,
  WebhookPayloadError,
  WebhookRefusedError,
  XmsWebhooksError,
  isXmsWebhooksError,
  type PayloadIssue,
  type RefusalReason,
  type WebhookError,
  type WebhookKind,
} from "./errors.js";

// The event names and payload types, re-exported so that one import is enough.
export {
  webhookEventNames,
  type ContactInfoRequestPayload,
  type ContactInfoResponse,
  type MessageNotificationPayload,
  type WebhookEventMap,
  type WebhookEventName,
} from "@mehery/xms-webhook-types";
