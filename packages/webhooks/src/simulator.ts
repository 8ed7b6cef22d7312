/**
 * The webhook simulator behind `xms-webhooks simulate`: posts the spec's example payloads to a
 * receiver, as the platform would. Not part of the library's API (only the CLI bundles it).
 */
import {
  eventCodes,
  messageTypes,
  webhookEventNames,
  type ContactInfoRequestPayload,
  type MessageNotificationPayload,
  type WebhookEventName,
} from "@mehery/xms-webhook-types";
import type { WebhookKind } from "./errors.js";
import { contactInfoRequestExamples, messageNotificationExamples } from "./generated/examples.js";

type Notification = MessageNotificationPayload;
type Message = NonNullable<Notification["messages"]>[number];
type Status = NonNullable<Notification["statuses"]>[number];
type Event = NonNullable<Notification["events"]>[number];

export interface SimulatedDelivery {
  name: WebhookEventName;
  kind: WebhookKind;
  payload: Notification | ContactInfoRequestPayload;
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const examples: Record<string, Notification> = messageNotificationExamples;

function first<T>(list: readonly T[] | undefined, what: string): T {
  const item = list?.[0];
  if (item === undefined) throw new Error(`xms-webhooks: the spec has no example ${what}`);
  return item;
}

/** A notification carrying one message of `type`: the spec's example, or one derived from text. */
function messageOf(type: (typeof messageTypes)[number]): Notification {
  const dedicated = examples[type];
  if (dedicated?.messages?.[0]?.type === type) return clone(dedicated);
  const notification = clone(examples["text"] as Notification);
  const text = first(notification.messages, "text message") as Record<string, unknown>;
  const image = first(examples["image"]?.messages, "image message") as Record<string, unknown>;
  delete text["text"];
  const message: Record<string, unknown> = {
    ...text,
    // A new id: this is another message, and a dedupe-enabled receiver must see it as such.
    id: `${String(text["id"])}-${type}`,
    type,
  };
  if (type !== "system") {
    const media = clone(image["image"]) as Record<string, unknown>;
    media["type"] = type;
    media["mime_type"] = { video: "video/mp4", audio: "audio/mpeg", voice: "audio/ogg" }[
      type as "video"
    ];
    message[type] = media;
  }
  notification.messages = [message as Message];
  return notification;
}

/**
 * A notification carrying one status `code`: the example's item with that status, or derived.
 * `code` is a listed one, or for `status.unlisted` one the spec does not list (typed as listed).
 */
function statusOf(code: string): Notification {
  const notification = clone(examples["status"] as Notification);
  const items = notification.statuses ?? [];
  const same = items.find((status) => status.status === code);
  const item: Status = same ?? { ...first(items, "status"), status: code as Status["status"] };
  if (!same) delete item.errors;
  notification.statuses = [item];
  return notification;
}

/**
 * A notification carrying one session event `code`, with the object that code comes with.
 * `code` is any string: besides `eventCodes` (the evidenced ones) it may be an inferred code.
 */
function eventOf(code: string): Notification {
  const notification = clone(examples["event"] as Notification);
  const base = first(notification.events, "event");
  if (base.eventCode === code) return notification;
  const event: Event = { ...base, eventCode: code, eventId: `${String(base.eventId)}-${code}` };
  delete event.sessionRouted;
  if (code === "SESSION_ASSIGNED") {
    event.sessionAssigned = { oldDept: "SUPPORT", newDept: "SUPPORT", newAgent: "agent-1" };
  } else if (code === "SESSION_CLOSED" || code === "SESSION_RESOLVED") {
    event.session = { resolved: code === "SESSION_RESOLVED" };
  }
  notification.events = [event];
  return notification;
}

/**
 * The values the simulator sends for `message.unlisted` and `status.unlisted`: a type and a
 * status the spec does not list (made up, and named so that nobody mistakes them for real ones).
 */
export const SIMULATED_UNLISTED = { type: "simulated_unlisted", status: "SIMULATED_UNLISTED" };

/** Whether `name` is the dispatcher's event of items the spec does not list (`message.unlisted`). */
function isUnlisted(name: string): boolean {
  return name.endsWith(".unlisted");
}

/** The text example with its message turned into one of a type the spec does not list. */
function unlistedMessage(): Notification {
  const notification = clone(examples["text"] as Notification);
  const text = first(notification.messages, "text message") as Record<string, unknown>;
  delete text["text"];
  text["id"] = `${String(text["id"])}-unlisted`;
  text["type"] = SIMULATED_UNLISTED.type;
  return notification;
}

/** The delivery the platform would send for an event name. */
export function deliveryFor(name: WebhookEventName): SimulatedDelivery {
  const [kind, sub] = name.split(".") as [string, string | undefined];
  if (name === "message.unlisted")
    return { name, kind: "notification", payload: unlistedMessage() };
  const notification = (payload: Notification): SimulatedDelivery => ({
    name,
    kind: "notification",
    payload,
  });
  switch (kind) {
    case "message":
      return notification(messageOf((sub ?? "text") as (typeof messageTypes)[number]));
    case "status":
      return notification(
        sub
          ? statusOf(isUnlisted(name) ? SIMULATED_UNLISTED.status : sub)
          : clone(examples["status"]!),
      );
    case "event":
      return notification(
        sub ? eventOf(sub as (typeof eventCodes)[number]) : clone(examples["event"]!),
      );
    case "action":
      return notification(clone(examples["action"]!));
    default:
      return { name, kind: "contactInfo", payload: clone(contactInfoRequestExamples.default) };
  }
}

/**
 * Every event of the spec, notifications first, then contact.info: not the dispatcher's
 * `*.unlisted` ones, whose items a strict receiver refuses (ask for them with --event).
 */
export function allEventNames(): WebhookEventName[] {
  return [
    ...webhookEventNames.filter((name) => name !== "contact.info" && !isUnlisted(name)),
    "contact.info",
  ];
}

/** Whether `url` points at this machine: localhost, 127.0.0.0/8 or ::1. */
export function isLoopback(url: URL): boolean {
  const host = url.hostname.toLowerCase();
  return (
    host === "localhost" ||
    host.endsWith(".localhost") ||
    host === "[::1]" ||
    /^127(?:\.\d{1,3}){3}$/.test(host)
  );
}

export interface SimulateOptions {
  url: string;
  token: string;
  events: readonly WebhookEventName[];
  /** Send each delivery twice, as a platform retry would. */
  duplicate?: boolean;
  /** Send a wrong token (the receiver should answer 401). */
  badToken?: boolean;
  /** Allow a URL that is not on this machine. */
  allowRemote?: boolean;
  fetch?: typeof fetch;
  /** Gets one line per request. */
  print?: (line: string) => void;
}

export interface SimulatedResult {
  name: WebhookEventName;
  attempt: number;
  status: number;
  body: string;
}

/** Posts the deliveries; resolves to one result per request, in order. */
export async function simulate(options: SimulateOptions): Promise<SimulatedResult[]> {
  const url = new URL(options.url);
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`xms-webhooks: --url must be http(s), got ${url.protocol}`);
  }
  if (!isLoopback(url) && !options.allowRemote) {
    throw new Error(
      `xms-webhooks: refusing to post to ${url.host}, which is not this machine; pass --allow-remote to do it`,
    );
  }
  const send = options.fetch ?? fetch;
  const token = options.badToken ? `${options.token}-wrong` : options.token;
  const results: SimulatedResult[] = [];
  for (const name of options.events) {
    const delivery = deliveryFor(name);
    const body = JSON.stringify(delivery.payload);
    for (let attempt = 1; attempt <= (options.duplicate ? 2 : 1); attempt++) {
      const response = await send(url, {
        method: "POST",
        headers: { "content-type": "application/json", "x-verify-token": token },
        body,
      });
      const text = await response.text();
      results.push({ name, attempt, status: response.status, body: text });
      options.print?.(
        `${name}${attempt > 1 ? " (duplicate)" : ""} -> ${response.status}${
          delivery.kind === "contactInfo" && response.ok ? ` ${text}` : ""
        }`,
      );
    }
  }
  return results;
}
