import type { Change } from "../change.js";
import { packagesFor, type Surface, type Touch } from "../packages.js";
import { classify, type Direction, type RuleId, worse } from "../rules.js";

/** Where the walkers are, and where they put what they find. */
export interface Context {
  surface: Surface;
  direction: Direction | "both" | undefined;
  location: string;
  part: string | undefined;
  path: string;
  schema: string | undefined;
  out: Change[];
}

export function rootContext(out: Change[]): Context {
  return {
    surface: "document",
    direction: undefined,
    location: "document",
    part: undefined,
    path: "",
    schema: undefined,
    out,
  };
}

/** A copy of `ctx` with some fields replaced. */
export function at(ctx: Context, patch: Partial<Omit<Context, "out">>): Context {
  return { ...ctx, ...patch };
}

function severityOf(rule: RuleId, direction: Context["direction"]) {
  if (direction === "send" || direction === "receive") return classify(rule, direction);
  if (direction === undefined) return classify(rule, "send");
  // No operation reaches it, so either side may use it: take the worse of the two.
  const send = classify(rule, "send");
  const receive = classify(rule, "receive");
  if (send.severity === receive.severity) return send;
  const severity = worse(send.severity, receive.severity);
  return {
    severity,
    why: `unreferenced, so either side: ${severity === send.severity ? send.why : receive.why}`,
  };
}

/** Records one change of kind `rule`. */
export function report(
  ctx: Context,
  rule: RuleId,
  detail: string,
  touch: Touch = "structure",
): void {
  const { severity, why } = severityOf(rule, ctx.direction);
  ctx.out.push({
    rule,
    severity,
    direction: ctx.direction,
    location: ctx.location,
    part: ctx.part,
    path: ctx.path || undefined,
    schema: ctx.schema,
    detail,
    why,
    packages: packagesFor(ctx.surface, touch),
  });
}

/** Deep equality of two JSON values; cycles compare equal when both sides loop at once. */
export function same(a: unknown, b: unknown, seen = new Map<object, object>()): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (seen.get(a) === b) return true;
  seen.set(a, b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((v, i) => same(v, b[i], seen));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every(
    (k) =>
      Object.prototype.hasOwnProperty.call(b, k) &&
      same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], seen),
  );
}

/** A short, readable rendering of a JSON value for messages. */
export function show(value: unknown): string {
  if (value === undefined) return "nothing";
  try {
    const text = JSON.stringify(value);
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
  } catch {
    return "(circular)";
  }
}

/** Keys that only document: changed → docs-changed. */
export const DOC_KEYS = new Set([
  "description",
  "summary",
  "title",
  "example",
  "examples",
  "$comment",
]);

export function isExtension(key: string): boolean {
  return key.startsWith("x-");
}
