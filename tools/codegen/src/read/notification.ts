/**
 * The notification model the spec states in extensions: the webhook whose `x-sdk-items` lists
 * the item lists of its payload (kinds, their subtype fields and known values), and each
 * webhook's `x-webhook-path`. codegen reads it here once; webhook-types and webhooks emit it.
 */
import {
  discriminatorOf,
  enumOf,
  isObject,
  schemaRefName,
  type JsonObject,
} from "@mehery/xms-spec-model";
import type { OpenAPIDocument } from "../spec.js";
import type { OperationInfo } from "./operations.js";
import { resolve } from "./refs.js";

/** One kind of notification item, as `x-sdk-items` states it and the schemas confirm it. */
export interface ItemKind {
  /** The event name of each item (`message`). */
  kind: string;
  /** The array property of the payload that holds the items (`messages`). */
  property: string;
  /** How an item splits into `kind.<value>` events: a discriminated union, or an enum field. */
  split?: { by: "discriminator"; values: string; field: string } | { by: "field"; field: string };
  /** The name of the `as const` list of known values webhook-types exports. */
  valuesName?: string;
}

/** A kind with its subtype's known values, as the runtime needs it. */
export interface NotificationKind {
  kind: string;
  list: string;
  subtype?: { field: string; known: string[] };
}

export interface NotificationModel {
  kinds: NotificationKind[];
  /** Every array property of the notification payload: the item lists and `contacts`. */
  lists: string[];
  /** Each webhook's published path, relative to the webhook URL, by webhook kind. */
  paths: Record<string, string>;
}

function fail(message: string): never {
  throw new Error(`xms-codegen notification model: ${message}`);
}

function stringOf(entry: JsonObject, key: string, where: string): string | undefined {
  const value = entry[key];
  if (value !== undefined && typeof value !== "string") fail(`${where}.${key} must be a string`);
  return value;
}

/** The JSON request body schema of a webhook, resolved. */
export function payloadOf(spec: OpenAPIDocument, op: OperationInfo): JsonObject | undefined {
  const media = resolve<unknown>(spec, op.requestBody?.content?.["application/json"]);
  const schema = isObject(media) ? resolve<unknown>(spec, media["schema"]) : undefined;
  return isObject(schema) ? schema : undefined;
}

function propertiesOf(schema: unknown): JsonObject {
  return isObject(schema) && isObject(schema["properties"]) ? schema["properties"] : {};
}

/** The webhook whose `x-sdk-items` lists the item lists, if one has. */
export function notificationWebhook(ops: readonly OperationInfo[]): OperationInfo | undefined {
  const found = ops.filter((o) => o.source === "webhooks" && "x-sdk-items" in o.operation);
  if (found.length > 1)
    fail(`two webhooks have x-sdk-items: ${found.map((o) => o.key).join(", ")}`);
  return found[0];
}

/**
 * The kinds `x-sdk-items` states, checked against the payload: each `list` is an array of a
 * named schema, and a discriminated union splits by its discriminator only.
 */
export function itemKindsOf(spec: OpenAPIDocument, ops: readonly OperationInfo[]): ItemKind[] {
  const op = notificationWebhook(ops);
  if (!op) return [];
  const entries = (op.operation as Record<string, unknown>)["x-sdk-items"];
  if (!Array.isArray(entries)) fail(`${op.key}: x-sdk-items must be a list`);
  const properties = propertiesOf(payloadOf(spec, op));
  return entries.map((entry: unknown, i) => {
    const where = `${op.key} x-sdk-items[${i}]`;
    if (!isObject(entry)) fail(`${where} must be an object`);
    const property = stringOf(entry, "list", where) ?? fail(`${where} has no list`);
    const kind = stringOf(entry, "kind", where) ?? fail(`${where} has no kind`);
    const subtype = stringOf(entry, "subtype", where);
    const enumName = stringOf(entry, "valuesSchema", where);
    const valuesName = stringOf(entry, "valuesExport", where);
    const items = properties[property];
    const itemRef = isObject(items) && isObject(items["items"]) ? items["items"] : undefined;
    if (!itemRef || schemaRefName(itemRef) === undefined)
      fail(`${where}: ${property} must be an array of a $ref'd schema`);
    const item: ItemKind = { kind, property };
    if (valuesName) item.valuesName = valuesName;
    if (subtype === undefined) return item;
    const discriminator = discriminatorOf(itemRef, spec as unknown as JsonObject);
    if (discriminator && discriminator.propertyName === subtype) {
      if (!enumName)
        fail(`${where}: a discriminated union names the enum of its values in valuesSchema`);
      item.split = { by: "discriminator", values: enumName, field: subtype };
    } else {
      if (enumName) fail(`${where}: valuesSchema is for a discriminated union only`);
      item.split = { by: "field", field: subtype };
    }
    return item;
  });
}

/** The known values of a kind's subtype: the enum that lists them. */
function knownValues(spec: OpenAPIDocument, payload: JsonObject, item: ItemKind): string[] {
  const split = item.split;
  if (!split) return [];
  const itemSchema = resolve<unknown>(spec, itemsOf(payload, item));
  const field =
    split.by === "discriminator"
      ? { $ref: `#/components/schemas/${split.values}` }
      : propertiesOf(itemSchema)[split.field];
  const values = enumOf(field, spec as unknown as JsonObject);
  if (!values) fail(`${item.kind}.<${split.field}> values are not a string enum`);
  return values.values;
}

/** `contact.info` → `contactInfo`: the kind of a webhook other than the notification. */
function webhookKindOf(name: string): string {
  return name.replace(/[.\-_](.)/g, (_, c: string) => c.toUpperCase());
}

/** The model of the notification webhook and every webhook's path. */
export function notificationModelOf(
  spec: OpenAPIDocument,
  ops: readonly OperationInfo[],
): NotificationModel {
  const notification = notificationWebhook(ops);
  const payload = notification ? (payloadOf(spec, notification) ?? {}) : {};
  const kinds = itemKindsOf(spec, ops).map((item): NotificationKind => {
    const out: NotificationKind = { kind: item.kind, list: item.property };
    if (item.split) {
      out.subtype = { field: item.split.field, known: knownValues(spec, payload, item) };
    }
    return out;
  });
  const lists = Object.entries(propertiesOf(payload))
    .filter(([, schema]) => isObject(schema) && schema["type"] === "array")
    .map(([name]) => name);
  const paths: Record<string, string> = {};
  for (const op of ops.filter((o) => o.source === "webhooks")) {
    const path = (op.operation as Record<string, unknown>)["x-webhook-path"];
    if (path === undefined) continue;
    if (typeof path !== "string" || !path.startsWith("/"))
      fail(`${op.key}: x-webhook-path must be a path`);
    const eventName = (op.operation as Record<string, unknown>)["x-event-name"];
    const kind =
      op === notification
        ? "notification"
        : typeof eventName === "string"
          ? webhookKindOf(eventName)
          : fail(`${op.key} has an x-webhook-path but no x-event-name`);
    paths[kind] = path;
  }
  return { kinds, lists, paths };
}

function itemsOf(payload: JsonObject, item: ItemKind): unknown {
  const property = propertiesOf(payload)[item.property];
  return isObject(property) ? property["items"] : undefined;
}
