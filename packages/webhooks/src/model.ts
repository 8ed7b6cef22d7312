/**
 * The notification model the receiver routes and dispatches by: the kinds of item, their lists,
 * subtype fields and known values, and the webhook paths. It is generated from the spec
 * (src/generated/notification.ts); an instance takes it as data, so a kind added to the spec
 * needs no edit here.
 */
import type { WebhookKind } from "./errors.js";
import { notificationModel } from "./generated/notification.js";

/** A kind of notification item: `list` holds them; `subtype` names their `kind.<value>` events. */
export interface ItemKindModel {
  readonly kind: string;
  readonly list: string;
  readonly subtype?: { readonly field: string; readonly known: readonly string[] };
}

export interface NotificationModel {
  /** In dispatch order. */
  readonly kinds: readonly ItemKindModel[];
  /** Every list of a notification the spec knows: the items' and `contacts`. */
  readonly lists: readonly string[];
  /** Each webhook's published path, relative to the webhook URL. */
  readonly paths: Readonly<Record<WebhookKind, string>>;
}

/** The model of spec/openapi.yaml. */
export const MODEL: NotificationModel = notificationModel;
