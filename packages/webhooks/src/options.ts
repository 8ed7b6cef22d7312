/** createWebhooks() options, and their checks: bad configuration throws at creation. */
import {
  createMemoryDedupeStore,
  isDedupeStore,
  type DedupeOptions,
  type DedupeStore,
} from "./dedupe.js";
import type { ErrorHandler } from "./types.js";
import type { ValidationMode } from "./validate.js";

export interface WebhooksOptions {
  /**
   * The verification token the platform sends in `x-verify-token`; a list accepts any of them
   * (to rotate: add the new token, switch the platform to it, then remove the old one).
   * Surrounding whitespace is trimmed: HTTP strips it from header values, so a token read from a
   * file with a trailing newline would otherwise match no delivery at all.
   */
  verifyToken: string | readonly string[];
  /**
   * `"lenient"` (default): unknown fields, absent optional fields and enum values the spec does
   * not list pass; a wrong JSON type on a known field fails. `"strict"`: unknown fields and
   * unlisted values fail too. `false`: only "is a JSON object" is checked. The onContactInfo
   * answer is checked against the spec's enums in every mode.
   */
  validate?: ValidationMode;
  /**
   * Largest body accepted, in bytes, after Content-Encoding is decoded; larger ones get 413, and
   * reading (and decoding) stops at the limit. Default 1 MiB.
   */
  maxBodyBytes?: number;
  /**
   * How long a body may take to arrive, from the start of reading to its end; past it the
   * delivery gets 408 and (Node) the connection is closed. Default 10000 ms.
   */
  bodyTimeoutMs?: number;
  /** Called with every failure (same as `webhooks.onError(handler)`). */
  onError?: ErrorHandler;
  /**
   * Skip notification items already processed (platform retries). `true`: in memory, 24 h.
   * Off by default.
   */
  dedupe?: boolean | DedupeOptions;
  /** How long onContactInfo may take before `{}` is answered instead. Default 5000 ms. */
  contactInfoTimeoutMs?: number;
}

export interface ResolvedOptions {
  tokens: readonly string[];
  validate: ValidationMode;
  maxBodyBytes: number;
  bodyTimeoutMs: number;
  onError: ErrorHandler | undefined;
  dedupe: { store: DedupeStore; ttlMs: number } | undefined;
  contactInfoTimeoutMs: number;
}

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
export const DEFAULT_CONTACT_INFO_TIMEOUT_MS = 5000;
export const DEFAULT_BODY_TIMEOUT_MS = 10_000;
export const DEFAULT_DEDUPE_TTL_MS = 24 * 60 * 60 * 1000;

function fail(message: string): never {
  throw new TypeError(`@mehery/xms-webhooks: ${message}`);
}

function positive(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
    fail(`${name} must be a positive number`);
  }
  return value;
}

export function resolveOptions(options: WebhooksOptions): ResolvedOptions {
  if (typeof options !== "object" || options === null) fail("options are required");
  const given: unknown = options.verifyToken;
  const tokens: unknown[] = Array.isArray(given) ? given : [given];
  if (tokens.length === 0) fail("verifyToken must not be an empty list");
  for (const token of tokens) {
    // Never echo the value: it is a secret.
    if (typeof token !== "string" || token.trim() === "") {
      fail("verifyToken must be a non-blank string or a non-empty list of them");
    }
  }

  const validate = options.validate ?? "lenient";
  if (validate !== "strict" && validate !== "lenient" && validate !== false) {
    fail(`validate must be "strict", "lenient" or false`);
  }

  const maxBodyBytes = positive(options.maxBodyBytes, "maxBodyBytes", DEFAULT_MAX_BODY_BYTES);
  const bodyTimeoutMs = positive(options.bodyTimeoutMs, "bodyTimeoutMs", DEFAULT_BODY_TIMEOUT_MS);
  const contactInfoTimeoutMs = positive(
    options.contactInfoTimeoutMs,
    "contactInfoTimeoutMs",
    DEFAULT_CONTACT_INFO_TIMEOUT_MS,
  );

  if (options.onError !== undefined && typeof options.onError !== "function") {
    fail("onError must be a function");
  }

  let dedupe: ResolvedOptions["dedupe"];
  const dedupeOption: unknown = options.dedupe;
  if (dedupeOption === true) {
    dedupe = { store: createMemoryDedupeStore(), ttlMs: DEFAULT_DEDUPE_TTL_MS };
  } else if (typeof dedupeOption === "object" && dedupeOption !== null) {
    const { store, ttlMs } = dedupeOption as DedupeOptions;
    if (store !== undefined && !isDedupeStore(store)) {
      fail("dedupe.store must have claim() and release(), or has() and set()");
    }
    dedupe = {
      store: store ?? createMemoryDedupeStore(),
      ttlMs: positive(ttlMs, "dedupe.ttlMs", DEFAULT_DEDUPE_TTL_MS),
    };
  } else if (dedupeOption !== undefined && dedupeOption !== false) {
    fail("dedupe must be true, false or { store, ttlMs }");
  }

  return {
    // HTTP strips surrounding whitespace from header values: an untrimmed token could never match.
    tokens: (tokens as string[]).map((token) => token.trim()),
    validate,
    maxBodyBytes,
    bodyTimeoutMs,
    onError: options.onError,
    dedupe,
    contactInfoTimeoutMs,
  };
}
