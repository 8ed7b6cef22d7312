import { XmsError } from "./errors/XmsError.js";

const prefix = "@mehery/xms-client: ";

function show(value: unknown): string {
  return typeof value == "string" ? JSON.stringify(value) : String(value);
}

// A retry count that is NaN, negative, fractional or not a number turned a 429 into a retry storm:
// each limit is checked where it enters (createClient or one call), before any request is sent.
const rules = ["a finite integer >= 0", "a finite number of ms > 0", "a finite number of ms >= 0"];
// The rule of each option, by its index in `rules`.
const checks: Record<string, number> = {
  maxRetries: 0,
  timeoutMs: 1,
  deadlineMs: 1,
  retryBaseDelayMs: 2,
  retryMaxDelayMs: 2,
  maxRetryAfterMs: 2,
};

function valid(value: unknown, rule: number): boolean {
  return (
    typeof value == "number" &&
    Number.isFinite(value) &&
    (rule ? value > 0 || (rule == 2 && value == 0) : Number.isInteger(value) && value >= 0)
  );
}

/**
 * Throws an `XmsError` naming the first option of `options` (retry counts, timeouts, delays) that
 * is set to something other than `undefined` or a valid number. `where` says whose option it is.
 */
export function checkNumbers(options: object, where: string): void {
  for (const name in checks) {
    const value = (options as Record<string, unknown>)[name];
    if (value === undefined) continue;
    const rule = checks[name]!;
    if (!valid(value, rule)) {
      throw new XmsError(`${prefix}${where} ${name} must be ${rules[rule]}; got ${show(value)}`);
    }
  }
}

/** The base URL as an absolute http(s) URL without a trailing slash, or an `XmsError` naming it. */
export function checkBaseUrl(value: unknown, source: string): string {
  let url: URL | undefined;
  try {
    url = new URL(String(value));
  } catch {}
  if (typeof value != "string" || !url || (url.protocol != "http:" && url.protocol != "https:")) {
    throw new XmsError(
      `${prefix}${source} must be an absolute http(s) URL such as "https://api.mehery.xyz/xms"; got ${show(value)}`,
    );
  }
  return url.href.replace(/\/$/, "");
}
