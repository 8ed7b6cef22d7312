/**
 * De-duplication of notification items, so that a platform retry of a delivery does not call the
 * handlers of an item twice, while an item whose handlers failed is processed again on retry.
 */

/**
 * A store with an atomic claim (preferred; e.g. Redis `SET key 1 NX PX ttl`): `claim` returns
 * true when the key was not held and is now, false when it already was. `release` gives the key
 * back when the item's handlers failed, so that the platform's retry processes it.
 */
export interface DedupeClaimStore {
  claim(key: string, ttlMs: number): Promise<boolean>;
  release(key: string): Promise<void>;
}

/**
 * A store without an atomic claim: a key is `set` only after the item's handlers all succeeded.
 * Within one process, concurrent duplicates are still serialized (see createDedupe); across
 * processes two concurrent copies of an item may both be processed.
 */
export interface DedupeCheckStore {
  has(key: string): Promise<boolean>;
  set(key: string, ttlMs: number): Promise<void>;
}

export type DedupeStore = DedupeClaimStore | DedupeCheckStore;

export interface DedupeOptions {
  /** Where seen keys are kept. Default: an in-memory store (createMemoryDedupeStore()). */
  store?: DedupeStore;
  /** How long a processed item is remembered. Default: 24 hours. */
  ttlMs?: number;
}

export interface MemoryDedupeStoreOptions {
  /** At most this many keys are kept; past it the oldest are forgotten first. Default 10,000. */
  maxEntries?: number;
}

/**
 * An in-process TTL store with an atomic claim. Its memory is bounded by `maxEntries`; a key
 * forgotten early (over the bound) can only let a duplicate through, never lose an item.
 */
export function createMemoryDedupeStore(
  options: MemoryDedupeStoreOptions = {},
): DedupeClaimStore & { readonly size: number } {
  const maxEntries = options.maxEntries ?? 10_000;
  if (!Number.isSafeInteger(maxEntries) || maxEntries < 1) {
    throw new TypeError("@mehery/xms-webhooks: maxEntries must be a positive integer");
  }
  // Insertion order is expiry order when every key has the same TTL, so the oldest expire first.
  const expiries = new Map<string, number>();
  // From the oldest: drop expired keys, and live ones while there is no room for one more.
  const sweep = (now: number): void => {
    for (const [key, expiry] of expiries) {
      if (expiry > now && expiries.size < maxEntries) break;
      expiries.delete(key);
    }
  };
  return {
    get size() {
      return expiries.size;
    },
    async claim(key, ttlMs) {
      const now = Date.now();
      const expiry = expiries.get(key);
      if (expiry !== undefined && expiry > now) return false;
      expiries.delete(key);
      sweep(now);
      expiries.set(key, now + ttlMs);
      return true;
    },
    async release(key) {
      expiries.delete(key);
    },
  };
}

function isClaimStore(store: DedupeStore): store is DedupeClaimStore {
  return typeof (store as Partial<DedupeClaimStore>).claim === "function";
}

export function isDedupeStore(value: unknown): value is DedupeStore {
  if (typeof value !== "object" || value === null) return false;
  const store = value as Partial<DedupeClaimStore & DedupeCheckStore>;
  return (
    (typeof store.claim === "function" && typeof store.release === "function") ||
    (typeof store.has === "function" && typeof store.set === "function")
  );
}

/** The outcome of processing one item: whether every handler succeeded. */
export type Processed = { ok: boolean };

export interface Dedupe {
  /**
   * Runs `process` unless the item `key` was already processed, and remembers it only if
   * `process` succeeded. Store failures go to `onStoreError`; the item is processed then (a
   * duplicate is better than a loss).
   */
  once(key: string, process: () => Promise<Processed>): Promise<Processed>;
}

export function createDedupe(
  store: DedupeStore,
  ttlMs: number,
  onStoreError: (operation: string, error: unknown) => void,
): Dedupe {
  // Items being processed in this process, by key. A second copy of an item that arrives while
  // the first is still in its handlers waits for it: if the first fails (and releases its key),
  // the copy processes the item itself instead of answering 200 for work that did not happen.
  const inflight = new Map<string, Promise<unknown>>();
  // The store's protocol, told once.
  const claims = isClaimStore(store) ? store : undefined;
  const checks = store as DedupeCheckStore;

  const acquire = async (key: string): Promise<boolean> => {
    try {
      return claims ? await claims.claim(key, ttlMs) : !(await checks.has(key));
    } catch (error) {
      onStoreError(claims ? "claim a key" : "look a key up", error);
      return true;
    }
  };

  const settle = async (key: string, ok: boolean): Promise<void> => {
    try {
      if (claims) {
        if (!ok) await claims.release(key);
      } else if (ok) {
        await checks.set(key, ttlMs);
      }
    } catch (error) {
      onStoreError(claims ? "release a key" : "remember a key", error);
    }
  };

  return {
    async once(key, process) {
      for (let pending = inflight.get(key); pending; pending = inflight.get(key)) {
        await pending;
      }
      // Registered synchronously after the loop: no other copy can slip in between.
      let finish!: () => void;
      inflight.set(key, new Promise<void>((resolve) => (finish = resolve)));
      try {
        if (!(await acquire(key))) return { ok: true };
        let result: Processed = { ok: false };
        try {
          result = await process();
        } finally {
          await settle(key, result.ok);
        }
        return result;
      } finally {
        inflight.delete(key);
        finish();
      }
    },
  };
}

const encoder = new TextEncoder();

/**
 * Where an item without an id of its own came from: its notification's `meta`, the item's
 * contact (else the notification's `contacts`) and its position in its list. Two deliveries of
 * the same item share all of it; two distinct items (the same actionCode for two contacts, or
 * twice in one notification) do not.
 */
export interface ItemContext {
  meta: unknown;
  contact: unknown;
  index: number;
}

/**
 * The key of a notification item: its id where it has one (message id, status id + status,
 * eventId), else a SHA-256 of the item (of any kind, `unknown.<list>` included) together with
 * its context (ItemContext). Undefined when
 * the item can not be serialized (e.g. too deeply nested): such an item is not de-duplicated.
 */
export async function dedupeKey(
  kind: string,
  item: unknown,
  context: ItemContext,
): Promise<string | undefined> {
  const fields = (typeof item === "object" && item !== null ? item : {}) as Record<string, unknown>;
  const id = fields["id"];
  if (kind === "message" && typeof id === "string") return `message:${id}`;
  if (kind === "status" && typeof id === "string" && typeof fields["status"] === "string") {
    return `status:${id}:${fields["status"]}`;
  }
  if (kind === "event" && typeof fields["eventId"] === "string")
    return `event:${fields["eventId"]}`;
  let json: string;
  try {
    json = JSON.stringify([item, context.contact ?? null, context.meta ?? null, context.index]);
  } catch {
    return undefined;
  }
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", encoder.encode(json)));
  let hex = "";
  for (const byte of digest) hex += byte.toString(16).padStart(2, "0");
  return `${kind}#${hex}`;
}
