/**
 * Event names checked at registration: from plain JavaScript (or through a cast), a misspelt
 * name would otherwise register a handler that never runs, and its deliveries would be
 * answered 200 with nothing done.
 */
import { webhookEventNames } from "@mehery/xms-webhook-types";
import { XmsWebhooksError } from "./errors.js";
import type { NotificationModel } from "./model.js";

/** The spec's event names, and those the kinds of `model` make (the same, for the spec's model). */
export function eventNamesOf(model: NotificationModel): Set<string> {
  const names = new Set<string>(webhookEventNames);
  for (const { kind, subtype } of model.kinds) {
    names.add(kind);
    for (const value of subtype?.known ?? []) names.add(`${kind}.${value}`);
  }
  return names;
}

/** `on()` got a name that no event has; `suggestion` is the nearest valid one, if any is near. */
export class WebhookEventNameError extends XmsWebhooksError {
  override name = "WebhookEventNameError" as const;
  /** The name given. */
  readonly eventName: string;
  /** The nearest valid name, when one is close enough to be the one meant. */
  readonly suggestion: string | undefined;

  constructor(eventName: string, suggestion: string | undefined) {
    super(
      `no event is named ${JSON.stringify(eventName)}${
        suggestion ? `; did you mean ${JSON.stringify(suggestion)}?` : ""
      } (the names are listed in webhookEventNames; items of unknown lists reach onAny only)`,
    );
    this.eventName = eventName;
    this.suggestion = suggestion;
  }
}

/** Levenshtein distance, case-insensitive (`status.failed` is as near as `status.FAILED`). */
function distance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      const substitution = (previous[j - 1] as number) + (x[i - 1] === y[j - 1] ? 0 : 1);
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        substitution,
      );
    }
    previous = current;
  }
  return previous[y.length] as number;
}

/** The valid name nearest to `name`, if within a third of its length (at least 2 edits). */
export function nearestEventName(name: string): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const known of webhookEventNames) {
    const d = distance(name, known);
    if (d < bestDistance) {
      best = known;
      bestDistance = d;
    }
  }
  return best;
}

/** Throws WebhookEventNameError unless `name` is one of the `known` event names. */
export function assertEventName(name: unknown, known: ReadonlySet<string>): asserts name is string {
  if (typeof name === "string" && known.has(name)) return;
  const text = typeof name === "string" ? name : String(name);
  throw new WebhookEventNameError(text, nearestEventName(text));
}
