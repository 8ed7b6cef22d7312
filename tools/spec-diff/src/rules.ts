/**
 * Every kind of change the differ reports, and how severe it is in each direction.
 *
 * The direction is seen from the SDK user:
 * - `send`: what the user's code sends. Parameters and request bodies of `paths` operations, and
 *   the answer a `webhooks` handler returns (the ContactInfoUpdate).
 * - `receive`: what the user's code is given. Responses of `paths` operations, and the
 *   parameters and payloads of `webhooks` (what the platform POSTs to the user).
 *
 * The principle: a change is breaking when code written against the old spec can stop working
 * (compile or run). On the send side a *narrower* contract breaks (something the user sent may
 * now be refused); on the receive side a *wider* one breaks (the user may now be handed something
 * their code does not handle). Each rule says why, in words printed beside every change.
 */

export type Severity = "breaking" | "feature" | "fix";
export type Direction = "send" | "receive";

export interface Rule {
  send: Severity;
  receive: Severity;
  /** Why, for each direction: printed beside every change of this kind. */
  why: { send: string; receive: string };
}

const same = (severity: Severity, why: string): Pick<Rule, "send" | "receive" | "why"> => ({
  send: severity,
  receive: severity,
  why: { send: why, receive: why },
});

export const RULES = {
  // --- operations and webhooks -----------------------------------------------------------------
  "operation-added": same(
    "feature",
    "a new operation is new API surface; nothing existing changes",
  ),
  "operation-removed": same(
    "breaking",
    "code calling it no longer compiles, and the call would fail",
  ),
  "operation-moved": same(
    "breaking",
    "its path or method changed: calls by path (client.POST(path)) no longer compile",
  ),
  "operation-id-changed": same(
    "breaking",
    "the operationId names the generated types (operations[id], <Id>Body, ...); they are renamed",
  ),
  "webhook-added": same(
    "feature",
    "a new webhook is a new event to handle; handlers may ignore it",
  ),
  "webhook-removed": same("breaking", "handlers and types for this event no longer exist"),
  "sdk-method-renamed": same(
    "breaking",
    "x-sdk-method names the client method; callers must rename",
  ),
  "sdk-resource-changed": same(
    "breaking",
    "the tag's x-sdk-resource places the method on the client; it moves to another resource",
  ),
  "event-name-changed": same(
    "breaking",
    "x-event-name is the event users subscribe to; it is renamed",
  ),
  "webhook-path-added": same(
    "feature",
    "x-webhook-path gives the receiver a route for this webhook; nothing routed before changes",
  ),
  "webhook-path-changed": same(
    "breaking",
    "x-webhook-path is the route the receiver answers on; deliveries to the old path are no longer routed",
  ),
  "item-kind-added": same(
    "feature",
    "x-sdk-items lists one more kind of notification item: new events (kind, kind.<subtype>) handlers may ignore",
  ),
  "item-kind-removed": same(
    "breaking",
    "x-sdk-items no longer lists this kind: handlers of its events no longer compile and its items are not dispatched",
  ),
  "item-kind-changed": same(
    "breaking",
    "the kind's list, subtype field or values (x-sdk-items) changed: its events, dispatch or exported values list change",
  ),
  "item-order-changed": same(
    "fix",
    "x-sdk-items is the dispatch order: handlers of a notification with several kinds run in another order; no type changes",
  ),
  "idempotent-marked": same(
    "feature",
    "the client may now retry it; no signature changes (x-idempotent: true)",
  ),
  "idempotent-unmarked": same(
    "fix",
    "the client stops retrying it, which is the safe default; no signature changes",
  ),
  "deprecated-added": same(
    "feature",
    "a deprecation is news users should see (@deprecated in the types); nothing stops working",
  ),
  "deprecated-removed": same("fix", "an un-deprecation only changes documentation"),
  "docs-changed": same(
    "fix",
    "descriptions, summaries, titles and examples change documentation (JSDoc) only",
  ),

  // --- parameters (and response headers) -------------------------------------------------------
  "parameter-added-optional": {
    send: "feature",
    receive: "feature",
    why: {
      send: "a new optional parameter: existing calls that omit it still work",
      receive: "a new parameter the user is given; code that ignores it keeps working",
    },
  },
  "parameter-added-required": {
    send: "breaking",
    receive: "feature",
    why: {
      send: "existing calls do not pass it, so they no longer compile and would be refused",
      receive: "a new parameter always present; code that ignores it keeps working",
    },
  },
  "parameter-removed": {
    send: "breaking",
    receive: "breaking",
    why: {
      send: "calls that pass it no longer compile (and the server no longer reads it)",
      receive: "code that reads it relied on it",
    },
  },
  "parameter-became-required": {
    send: "breaking",
    receive: "feature",
    why: {
      send: "calls that omit it no longer compile and would be refused",
      receive: "it is now always present: a stronger guarantee",
    },
  },
  "parameter-became-optional": {
    send: "feature",
    receive: "breaking",
    why: {
      send: "calls may now omit it; existing calls still work",
      receive: "code that relied on it being present may now be handed nothing",
    },
  },
  "parameter-moved": same(
    "breaking",
    "its location (in) or serialisation (style, explode, content) changed; existing calls encode it wrong",
  ),

  // --- request bodies ---------------------------------------------------------------------------
  "body-added": {
    send: "feature",
    receive: "feature",
    why: {
      send: "a new optional body: existing calls that send none still work",
      receive: "a body the user may read; code that ignores it keeps working",
    },
  },
  "body-added-required": {
    send: "breaking",
    receive: "feature",
    why: {
      send: "existing calls send no body, so they no longer compile and would be refused",
      receive: "a body the user may read; code that ignores it keeps working",
    },
  },
  "body-removed": same("breaking", "code that sends or reads the body relied on it"),
  "body-became-required": {
    send: "breaking",
    receive: "feature",
    why: {
      send: "calls that send no body no longer compile and would be refused",
      receive: "the body is now always present: a stronger guarantee",
    },
  },
  "body-became-optional": {
    send: "feature",
    receive: "breaking",
    why: {
      send: "calls may now leave the body out; existing calls still work",
      receive: "code that relied on the body being present may now be handed none",
    },
  },
  "media-type-added": {
    send: "feature",
    receive: "breaking",
    why: {
      send: "the user may now send another content type; the old one still works",
      receive: "the user may now be handed a content type their code does not parse",
    },
  },
  "media-type-removed": same(
    "breaking",
    "code that sends or parses this content type relied on it",
  ),

  // --- responses --------------------------------------------------------------------------------
  "response-added": same(
    "feature",
    "a newly documented status code adds a member to the response types; existing handling still compiles",
  ),
  "response-removed": same(
    "breaking",
    "code that names this status (types, handlers, answers) no longer compiles",
  ),

  // --- schemas ----------------------------------------------------------------------------------
  "property-added-optional": {
    send: "feature",
    receive: "feature",
    why: {
      send: "a new optional field: nothing the user sent before is refused",
      receive: "a new field the user may read; code that ignores it keeps working",
    },
  },
  "property-added-required": {
    send: "breaking",
    receive: "feature",
    why: {
      send: "objects the user built without it no longer compile and would be refused",
      receive: "a new field always present; code that ignores it keeps working",
    },
  },
  "property-removed": {
    send: "breaking",
    receive: "breaking",
    why: {
      send: "objects that set it no longer compile (excess property) and the server ignores it",
      receive: "code that reads it relied on it",
    },
  },
  "property-became-required": {
    send: "breaking",
    receive: "feature",
    why: {
      send: "objects that omit it no longer compile and would be refused",
      receive: "it is now always present: a stronger guarantee",
    },
  },
  "property-became-optional": {
    send: "feature",
    receive: "breaking",
    why: {
      send: "the user may now omit it; what they sent before still works",
      receive: "code that relied on it being present may now be handed undefined",
    },
  },
  "type-widened": {
    send: "feature",
    receive: "breaking",
    why: {
      send: "the user may send more than before; what they sent before is still accepted",
      receive: "the user may be handed values their code does not handle",
    },
  },
  "type-narrowed": {
    send: "breaking",
    receive: "feature",
    why: {
      send: "values the user may have sent are no longer accepted",
      receive:
        "the user is handed a subset of what they handled before; the generated type changes",
    },
  },
  "type-changed": same("breaking", "the old and the new type are not a subset of one another"),
  "enum-value-added": {
    send: "feature",
    receive: "breaking",
    why: {
      send: "the user may send one more value; every old value is still accepted",
      receive:
        "a closed enum: exhaustive switches over the generated union miss the new value (use an open enum, anyOf [enum, string], to add values without a major)",
    },
  },
  "open-enum-value-added": {
    send: "feature",
    receive: "feature",
    why: {
      send: "the user may send one more known value",
      receive:
        "an open enum (anyOf [enum, string]) already allowed any string; a known value is added",
    },
  },
  "enum-value-removed": {
    send: "breaking",
    receive: "feature",
    why: {
      send: "a value the user may have sent is no longer accepted",
      receive: "the user is handed fewer values than before; the generated union shrinks",
    },
  },
  "open-enum-value-removed": {
    send: "breaking",
    receive: "fix",
    why: {
      send: "a documented value the user may have sent is no longer listed as accepted",
      receive: "an open enum still admits any string; only the documented values change",
    },
  },
  "variant-added": {
    send: "feature",
    receive: "breaking",
    why: {
      send: "the user may send one more shape (oneOf/anyOf variant)",
      receive: "the user may be handed a shape their code does not handle",
    },
  },
  "variant-removed": {
    send: "breaking",
    receive: "feature",
    why: {
      send: "a shape the user may have sent is no longer accepted",
      receive: "the user is handed fewer shapes than before; the generated union shrinks",
    },
  },
  "constraint-narrowed": {
    send: "breaking",
    receive: "fix",
    why: {
      send: "a tighter validation keyword: values the user may have sent are refused",
      receive:
        "a tighter guarantee on values the user is handed; the generated types do not change",
    },
  },
  "constraint-widened": {
    send: "feature",
    receive: "breaking",
    why: {
      send: "a looser validation keyword: what the user sent before is still accepted",
      receive: "the user may be handed values outside what was promised before",
    },
  },
  "constraint-changed": same("breaking", "the old and new constraint do not contain one another"),
  "default-changed": {
    send: "breaking",
    receive: "fix",
    why: {
      send: "the server now behaves differently for every call that leaves the value out",
      receive: "a default on a received value only documents it",
    },
  },
  "discriminator-changed": same(
    "breaking",
    "the discriminator property decides which variant a value is; code that switches on it breaks",
  ),

  // --- the document -----------------------------------------------------------------------------
  "server-added": same("feature", "another server URL the client may be pointed at"),
  "server-removed": same(
    "breaking",
    "clients configured with this server URL stop reaching the API",
  ),
  "security-alternative-added": same(
    "feature",
    "every credential that worked still works; one more way to authenticate is accepted",
  ),
  "security-changed": same(
    "breaking",
    "authentication (security requirements or schemes) changed: existing credentials may be refused",
  ),
  "component-added": same(
    "feature",
    "a new component is a new exported type (a schema alias, components[...] in the types)",
  ),
  "component-removed": same(
    "breaking",
    "the exported type of this component is gone; code that names it no longer compiles",
  ),
  "extension-changed": same(
    "fix",
    "a vendor extension (x-*) that no generator reads; the generated code does not change",
  ),
  "keyword-changed": same(
    "breaking",
    "a keyword the differ does not model changed; it is classified breaking to be safe — read it",
  ),
} satisfies Record<string, Rule>;

export type RuleId = keyof typeof RULES;

/** The severity and reason of a rule in a direction. */
export function classify(rule: RuleId, direction: Direction): { severity: Severity; why: string } {
  const r: Rule = RULES[rule];
  return { severity: r[direction], why: r.why[direction] };
}

export const SEVERITIES: readonly Severity[] = ["breaking", "feature", "fix"];

/** breaking > feature > fix. */
export function worse(a: Severity, b: Severity): Severity {
  return SEVERITIES.indexOf(a) <= SEVERITIES.indexOf(b) ? a : b;
}
