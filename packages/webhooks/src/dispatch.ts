/**
 * Fan-out of a message notification into one event per item, and the running of handlers: all
 * handlers of a delivery run concurrently, each failure is collected, none stops the others.
 */
import { webhookEventNames, type MessageNotificationPayload } from "@mehery/xms-webhook-types";
import { dedupeKey, type Dedupe } from "./dedupe.js";
import { UnhandledItemError, WebhookHandlerError } from "./errors.js";
import type { NotificationModel } from "./model.js";
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

/** The generic name of the items of a list the spec does not know: `unknown.<list>`. */
export const UNKNOWN_PREFIX = "unknown.";

interface Item {
  /** A kind of the model, or `unknown.<list>` for an item of a list the spec does not know. */
  kind: string;
  payload: unknown;
  /** The names it is dispatched to, the most specific last. */
  names: string[];
  contact: unknown;
  /** Its position in its list, part of the dedupe key of an item without an id. */
  index: number;
  /**
   * For an item the spec does not list (its own event or onAny receive it, nothing else): what
   * it is, for the UnhandledItemError that says nobody did. Undefined for a listed item, whose
   * handlers the user chose to register or not.
   */
  unlisted?: string;
}

/** The notification model, compiled once per instance for the hot path. */
export interface DispatchPlan {
  kinds: readonly {
    kind: string;
    list: string;
    field?: string;
    known: ReadonlySet<string>;
    /**
     * The event of the kind's items whose value its closed enum does not list
     * (`message.unlisted`), when the generated names have one.
     */
    unlisted?: string;
  }[];
  /** The lists of a notification the spec knows: the items' and `contacts`. */
  lists: ReadonlySet<string>;
}

export function dispatchPlanOf(model: NotificationModel): DispatchPlan {
  return {
    kinds: model.kinds.map(({ kind, list, subtype }) => {
      if (!subtype) return { kind, list, known: new Set<string>() };
      const unlisted = EVENT_NAMES.has(`${kind}.unlisted`) ? `${kind}.unlisted` : undefined;
      const known = new Set(subtype.known);
      return { kind, list, field: subtype.field, known, ...(unlisted && { unlisted }) };
    }),
    lists: new Set(model.lists),
  };
}

const EVENT_NAMES = new Set<string>(webhookEventNames);

/** A value of a payload, quoted for a message: short, whatever was sent. */
function quote(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value.slice(0, 64)) : `(${typeof value})`;
}

const NO_CONTACTS: unknown[] = [];

/**
 * Every item of a notification with the names it goes to: `message` + `message.text`, ... An
 * item whose subtype field (`type`, `status`) is not a listed value (lenient validation lets a
 * value the spec does not list yet through) goes to `message.unlisted` or `status.unlisted` only,
 * so that the kind's handlers get exactly the listed union; a kind without such an event (`event`,
 * whose enum is open) takes every value under its own name.
 */
function itemsOf(plan: DispatchPlan, notification: Record<string, unknown>): Item[] {
  const contacts = Array.isArray(notification["contacts"]) ? notification["contacts"] : NO_CONTACTS;
  const items: Item[] = [];
  for (const { kind, list: name, field, known, unlisted } of plan.kinds) {
    const list = notification[name];
    if (!Array.isArray(list)) continue;
    for (let index = 0; index < list.length; index++) {
      const payload: unknown = list[index];
      // Only reachable with validate: false; such an item can not be dispatched by name.
      if (!isRecord(payload)) continue;
      const item: Item = {
        kind,
        payload,
        names: [kind],
        contact: contactOf(payload, contacts),
        index,
      };
      if (field !== undefined) {
        const value = payload[field];
        if (typeof value === "string" && known.has(value)) {
          item.names.push(`${kind}.${value}`);
        } else if (unlisted !== undefined) {
          item.names = [unlisted];
          item.unlisted = `an item of "${name}" whose ${field} ${quote(value)} the spec does not list`;
        }
      }
      items.push(item);
    }
  }
  // A list the spec does not know (`reactions`, ...) is not dropped: each of its items goes to
  // onAny as `unknown.<list>`, whatever the item is.
  for (const list of Object.keys(notification)) {
    const values = notification[list];
    if (plan.lists.has(list) || !Array.isArray(values)) continue;
    const kind = `${UNKNOWN_PREFIX}${list}` as const;
    for (const [index, payload] of values.entries()) {
      const contact = isRecord(payload) ? contactOf(payload, contacts) : undefined;
      const unlisted = `an item of "${list.slice(0, 64)}", a list the spec does not know`;
      items.push({ kind, payload, names: [kind], contact, index, unlisted });
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
  calls: Call[] = [],
): Call[] {
  for (const name of names) {
    const handlers = registry.get(name);
    if (!handlers || handlers.length === 0) continue;
    const shared = named(name, base);
    for (const handler of handlers) calls.push({ handler, event: shared });
  }
  const any = registry.get(ANY);
  if (any && any.length > 0) {
    const shared = named(names[names.length - 1] as string, base);
    for (const handler of any) calls.push({ handler, event: shared });
  }
  return calls;
}

function named(name: string, base: Omit<RawEvent, "name">): RawEvent {
  return {
    name,
    payload: base.payload,
    meta: base.meta,
    contact: base.contact,
    notification: base.notification,
  };
}

/** Runs a handler, turning a synchronous throw into a rejection. */
export function invoke<T>(handler: (event: RawEvent) => T, event: RawEvent): Promise<Awaited<T>> {
  return new Promise<Awaited<T>>((resolve) => resolve(handler(event) as Awaited<T>));
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === "object" || typeof value === "function") &&
    value !== null &&
    typeof (value as { then?: unknown }).then === "function"
  );
}

/**
 * Starts every call, then waits for all of them; returns one error per failed handler. Async
 * handlers run concurrently; a synchronous one finishes before the next starts, as JavaScript
 * does. Only async results cost a promise here: this is the hot path of every delivery, and
 * when every handler was synchronous the errors are returned as they are, without one.
 */
export function runCalls(
  calls: readonly Call[],
): WebhookHandlerError[] | Promise<WebhookHandlerError[]> {
  const errors: WebhookHandlerError[] = [];
  const pending: Promise<void>[] = [];
  for (const { handler, event } of calls) {
    try {
      const result = handler(event);
      if (isThenable(result)) {
        pending.push(
          Promise.resolve(result).then(
            () => {},
            (reason: unknown) => void errors.push(new WebhookHandlerError(event, reason)),
          ),
        );
      }
    } catch (reason) {
      errors.push(new WebhookHandlerError(event, reason));
    }
  }
  return pending.length > 0 ? Promise.all(pending).then(() => errors) : errors;
}

/** Tells `notice` about an item that no handler receives, if the spec does not list it. */
function unheard(item: Item, notice: Notice): void {
  if (item.unlisted === undefined) return;
  const name = item.names[item.names.length - 1] as string;
  notice(new UnhandledItemError({ name, payload: item.payload }, item.unlisted));
}

/** Receives an UnhandledItemError (onError's report): a notice, the delivery goes on. */
export type Notice = (error: UnhandledItemError) => void;

/**
 * Dispatches every item of a (validated) notification. Returns the errors of failed handlers;
 * with dedupe, an item is skipped when already processed and remembered only when none failed.
 * An unlisted item that no handler receives is told to `notice`, not lost in silence.
 */
export function dispatchNotification(
  registry: Registry,
  dedupe: Dedupe | undefined,
  notification: Record<string, unknown>,
  plan: DispatchPlan,
  notice: Notice,
): WebhookHandlerError[] | Promise<WebhookHandlerError[]> {
  const items = itemsOf(plan, notification);
  if (!dedupe) {
    // Every handler of every item, all at once.
    const calls: Call[] = [];
    for (const item of items) {
      const before = calls.length;
      callsFor(registry, item.names, eventOf(item, notification), calls);
      if (calls.length === before) unheard(item, notice);
    }
    return runCalls(calls);
  }
  return dispatchOnce(registry, dedupe, items, notification, notice);
}

/** What the handlers of an item receive, but its name. */
function eventOf(item: Item, notification: Record<string, unknown>): Omit<RawEvent, "name"> {
  return {
    payload: item.payload,
    meta: notification["meta"],
    contact: item.contact,
    notification: notification as MessageNotificationPayload,
  };
}

/** dispatchNotification() with dedupe: each item's handlers run once per key. */
async function dispatchOnce(
  registry: Registry,
  dedupe: Dedupe,
  items: readonly Item[],
  notification: Record<string, unknown>,
  notice: Notice,
): Promise<WebhookHandlerError[]> {
  const results = await Promise.all(
    items.map(async (item) => {
      const calls = callsFor(registry, item.names, eventOf(item, notification));
      // Nothing listens: nothing to run, nothing to remember.
      if (calls.length === 0) {
        unheard(item, notice);
        return [];
      }
      const key = await dedupeKey(item.kind, item.payload, {
        meta: notification["meta"],
        // An item that names no contact (or one the notification lacks) is told by all of them.
        contact: item.contact ?? notification["contacts"],
        index: item.index,
      });
      if (key === undefined) return runCalls(calls);
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
