/**
 * Fan-out of a message notification into one event per item, and the running of handlers: all
 * handlers of a delivery run concurrently, each failure is collected, none stops the others.
 */
import {
  eventCodes,
  messageTypes,
  notificationItemKinds,
  statusCodes,
  type MessageNotificationPayload,
  type NotificationItemKind,
} from "@mehery/xms-webhook-types";
import { dedupeKey, type Dedupe } from "./dedupe.js";
import { WebhookHandlerError } from "./errors.js";
import { isRecord } from "./validate.js";

/** An event as handed to a handler; the public types narrow it by name. */
export interface RawEvent {
  name: string;
  payload: unknown;
  meta: unknown;
  contact: unknown;
  notification: unknown;
}

export type RawHandler = (event: RawEvent) => unknown;

/** Handlers by event name; `*` holds onAny's. */
export type Registry = Map<string, RawHandler[]>;

export const ANY = "*";

interface Item {
  kind: NotificationItemKind;
  payload: Record<string, unknown>;
  /** The names it is dispatched to, the most specific last. */
  names: string[];
  contact: unknown;
}

const SUBTYPE: Record<NotificationItemKind, [field: string, known: readonly string[]] | undefined> =
  {
    message: ["type", messageTypes],
    status: ["status", statusCodes],
    event: ["eventCode", eventCodes],
    action: undefined,
  };

/** Every item of a notification with the names it goes to: `message` + `message.text`, ... */
function itemsOf(notification: Record<string, unknown>): Item[] {
  const contacts = Array.isArray(notification["contacts"]) ? notification["contacts"] : [];
  const items: Item[] = [];
  for (const kind of Object.keys(notificationItemKinds) as NotificationItemKind[]) {
    const list = notification[notificationItemKinds[kind]];
    if (!Array.isArray(list)) continue;
    for (const payload of list) {
      // Only reachable with validate: false; such an item can not be dispatched by name.
      if (!isRecord(payload)) continue;
      const names: string[] = [kind];
      const subtype = SUBTYPE[kind];
      if (subtype) {
        const value = payload[subtype[0]];
        if (typeof value === "string" && subtype[1].includes(value)) names.push(`${kind}.${value}`);
      }
      items.push({ kind, payload, names, contact: contactOf(payload, contacts) });
    }
  }
  return items;
}

function contactOf(item: Record<string, unknown>, contacts: unknown[]): unknown {
  const id = item["contactId"];
  if (typeof id !== "string") return contacts.length === 1 ? contacts[0] : undefined;
  return contacts.find((contact) => isRecord(contact) && contact["contactId"] === id);
}

interface Call {
  handler: RawHandler;
  event: RawEvent;
}

/** The handler calls an item (or a contact-info request) makes: per name, then onAny's once. */
export function callsFor(
  registry: Registry,
  names: readonly string[],
  base: Omit<RawEvent, "name">,
): Call[] {
  const calls: Call[] = [];
  for (const name of names) {
    const handlers = registry.get(name);
    if (!handlers) continue;
    const event = { name, ...base };
    for (const handler of handlers) calls.push({ handler, event });
  }
  const any = registry.get(ANY);
  if (any) {
    const event = { name: names[names.length - 1] as string, ...base };
    for (const handler of any) calls.push({ handler, event });
  }
  return calls;
}

/** Runs a handler, turning a synchronous throw into a rejection. */
export function invoke<T>(handler: (event: RawEvent) => T, event: RawEvent): Promise<Awaited<T>> {
  return new Promise<Awaited<T>>((resolve) => resolve(handler(event) as Awaited<T>));
}

/** Runs every call concurrently and waits for all; returns one error per failed handler. */
export async function runCalls(calls: readonly Call[]): Promise<WebhookHandlerError[]> {
  if (calls.length === 0) return [];
  const settled = await Promise.allSettled(calls.map((call) => invoke(call.handler, call.event)));
  const errors: WebhookHandlerError[] = [];
  settled.forEach((result, i) => {
    if (result.status === "rejected") {
      errors.push(new WebhookHandlerError(calls[i]!.event, result.reason));
    }
  });
  return errors;
}

/**
 * Dispatches every item of a (validated) notification. Returns the errors of failed handlers;
 * with dedupe, an item is skipped when already processed and remembered only when none failed.
 */
export async function dispatchNotification(
  registry: Registry,
  dedupe: Dedupe | undefined,
  notification: Record<string, unknown>,
): Promise<WebhookHandlerError[]> {
  const meta = notification["meta"];
  const results = await Promise.all(
    itemsOf(notification).map(async (item) => {
      const calls = callsFor(registry, item.names, {
        payload: item.payload,
        meta,
        contact: item.contact,
        notification: notification as MessageNotificationPayload,
      });
      // Nothing listens: nothing to run, nothing to remember.
      if (calls.length === 0) return [];
      const key = dedupe ? await dedupeKey(item.kind, item.payload) : undefined;
      if (!dedupe || key === undefined) return runCalls(calls);
      let errors: WebhookHandlerError[] = [];
      await dedupe.once(key, async () => {
        errors = await runCalls(calls);
        return { ok: errors.length === 0 };
      });
      return errors;
    }),
  );
  return results.flat();
}
