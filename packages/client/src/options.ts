import { XmsError } from "./errors/XmsError.js";
import type { Policy } from "./retry.js";

/** Throws the `XmsError` of an unusable option: every such message starts with the package name. */
export function fail(text: string): never {
  throw new XmsError(`@mehery/xms-client: ${text}`);
}

function show(value: unknown): string {
  return typeof value == "string" ? JSON.stringify(value) : String(value);
}

// A retry count that is NaN, negative, fractional or not a number turned a 429 into a retry storm:
// each limit is checked where it enters (createClient or one call), before any request is sent.
const rules = ["a finite integer >= 0", "a finite number of ms > 0", "a finite number of ms >= 0"];
// Each option, its rule (its index in `rules`) and its default.
const checks: [name: string, rule: number, value: number][] = [
  ["maxRetries", 0, 2],
  ["timeoutMs", 1, 60_000],
  ["deadlineMs", 1, Infinity],
  ["retryBaseDelayMs", 2, 500],
  ["retryMaxDelayMs", 2, 8_000],
  ["maxRetryAfterMs", 2, 60_000],
];

function valid(value: unknown, rule: number): boolean {
  return (
    typeof value == "number" &&
    Number.isFinite(value) &&
    (rule ? value > 0 || (rule == 2 && value == 0) : Number.isInteger(value) && value >= 0)
  );
}

/**
 * The retry policy of `options` over `base` (the client's policy, or the defaults): each of the
 * retry counts, timeouts and delays that is set replaces base's. Throws an `XmsError` naming the
 * first one that is set to something other than `undefined` or a valid number; `where` says
 * whose option it is.
 */
export function settle(options: object, where: string, base?: Policy): Policy {
  // A call that sets none of them (nearly every call) gets base itself, without a copy.
  let policy = base as Record<string, unknown> | undefined;
  let own = false;
  for (const [name, rule, fallback] of checks) {
    const value = (options as Record<string, unknown>)[name];
    if (value === undefined) {
      if (base) continue;
    } else if (!valid(value, rule)) {
      fail(`${where} ${name} must be ${rules[rule]}; got ${show(value)}`);
    }
    if (!own) {
      policy = { ...base };
      own = true;
    }
    policy![name] = value ?? fallback;
  }
  return policy as unknown as Policy;
}

/** The base URL as an absolute http(s) URL without a trailing slash, or an `XmsError` naming it. */
export function checkBaseUrl(value: unknown, source: string): string {
  let url: URL | undefined;
  try {
    url = new URL(String(value));
  } catch {}
  if (typeof value != "string" || !url || (url.protocol != "http:" && url.protocol != "https:")) {
    fail(
      `${source} must be an absolute http(s) URL such as "https://api.mehery.xyz/xms"; got ${show(value)}`,
    );
  }
  return url.href.replace(/\/$/, "");
}
