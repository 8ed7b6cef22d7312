/**
 * The notification model's extensions of a webhook: `x-webhook-path` (the path the receiver
 * routes it on) and `x-sdk-items` (the item lists of the notification payload, in dispatch
 * order). codegen builds @mehery/xms-webhooks' notification model and @mehery/xms-webhook-types'
 * event map from them, so a change of them is a change of those packages.
 */
import { isObject, type Json } from "../load.js";
import { type Context, report, same, show } from "./context.js";

export const NOTIFICATION_KEYS: ReadonlySet<string> = new Set(["x-webhook-path", "x-sdk-items"]);

/** The fields of one `x-sdk-items` entry, besides its `kind`, that shape what is generated. */
const ITEM_FIELDS = ["list", "subtype", "valuesSchema", "valuesExport"] as const;

/** The `x-sdk-items` entries by kind, in order; entries without a string `kind` are skipped. */
function itemsByKind(value: unknown): Map<string, Json> {
  const out = new Map<string, Json>();
  if (!Array.isArray(value)) return out;
  for (const entry of value) {
    if (isObject(entry) && typeof entry["kind"] === "string") out.set(entry["kind"], entry);
  }
  return out;
}

function diffWebhookPath(ctx: Context, before: unknown, after: unknown): void {
  if (same(before, after)) return;
  if (before === undefined) {
    report(ctx, "webhook-path-added", `x-webhook-path ${show(after)} added`, "receiver");
  } else {
    report(
      ctx,
      "webhook-path-changed",
      `x-webhook-path ${show(before)} → ${show(after)}`,
      "receiver",
    );
  }
}

function diffItems(ctx: Context, before: unknown, after: unknown): void {
  if (same(before, after)) return;
  const b = itemsByKind(before);
  const a = itemsByKind(after);
  for (const [kind, entry] of a) {
    const old = b.get(kind);
    if (old === undefined) {
      report(ctx, "item-kind-added", `notification item kind "${kind}" added`, "events");
      continue;
    }
    for (const field of ITEM_FIELDS) {
      if (same(old[field], entry[field])) continue;
      report(
        ctx,
        "item-kind-changed",
        `notification item kind "${kind}": ${field} ${show(old[field])} → ${show(entry[field])}`,
        "events",
      );
    }
  }
  for (const kind of b.keys()) {
    if (!a.has(kind)) {
      report(ctx, "item-kind-removed", `notification item kind "${kind}" removed`, "events");
    }
  }
  const kept = (kinds: Map<string, Json>, other: Map<string, Json>) =>
    [...kinds.keys()].filter((kind) => other.has(kind));
  if (!same(kept(b, a), kept(a, b))) {
    report(
      ctx,
      "item-order-changed",
      `notification item kinds dispatched in the order ${show(kept(a, b))}, was ${show(kept(b, a))}`,
      "events",
    );
  }
}

/** Compares a webhook's notification model extensions. */
export function diffNotificationModel(ctx: Context, before: Json, after: Json): void {
  diffWebhookPath(ctx, before["x-webhook-path"], after["x-webhook-path"]);
  diffItems(ctx, before["x-sdk-items"], after["x-sdk-items"]);
}
