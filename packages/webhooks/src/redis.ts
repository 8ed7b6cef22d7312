/**
 * A dedupe store on Redis, so that several receiver processes share one memory of the items
 * they processed. It depends on no Redis library: it takes the application's own connected
 * client (node-redis v4/v5 or ioredis), recognised by its shape.
 */
import type { DedupeClaimStore } from "./dedupe.js";

/** A node-redis (v4, v5) client, as far as this store uses it. */
export interface NodeRedisClientLike {
  sendCommand(args: string[]): Promise<unknown>;
}

/** An ioredis client (`Redis` or `Cluster`), as far as this store uses it. */
export interface IoRedisClientLike {
  call(command: string, ...args: string[]): Promise<unknown>;
}

export type RedisClientLike = NodeRedisClientLike | IoRedisClientLike;

export interface RedisDedupeStoreOptions {
  /** Put before every key, so that several applications can share one Redis. Default `"xms-webhooks:dedupe:"`. */
  prefix?: string;
  /**
   * A command that has not answered after this long fails (and the item is processed anyway).
   * Clients queue commands while they reconnect; without a bound, a delivery would wait for
   * Redis to come back instead of being processed. Default 2,000 ms.
   */
  commandTimeoutMs?: number;
}

const DEFAULT_PREFIX = "xms-webhooks:dedupe:";
const DEFAULT_COMMAND_TIMEOUT_MS = 2_000;

/** One way of sending a command, whichever client it is. */
type Send = (args: string[]) => Promise<unknown>;

function sender(client: RedisClientLike): Send {
  const candidate = client as Partial<NodeRedisClientLike & IoRedisClientLike> | null;
  // ioredis first: it has a sendCommand too, which takes a Command object, not an array.
  if (typeof candidate?.call === "function") {
    const io = candidate as IoRedisClientLike;
    return ([command, ...args]) => io.call(command as string, ...args);
  }
  if (typeof candidate?.sendCommand === "function") {
    const node = candidate as NodeRedisClientLike;
    return (args) => node.sendCommand(args);
  }
  throw new TypeError(
    "@mehery/xms-webhooks/redis: the client must be a node-redis client (sendCommand) or an ioredis client (call)",
  );
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer ${what} within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * A dedupe store with an atomic claim on Redis: `SET key 1 NX PX ttl` claims an item, `DEL`
 * gives it back when its handlers failed. Pass it as `createWebhooks({ dedupe: { store } })`.
 * When Redis fails, the item is processed anyway and a DedupeStoreError goes to onError.
 */
export function createRedisDedupeStore(
  client: RedisClientLike,
  options: RedisDedupeStoreOptions = {},
): DedupeClaimStore {
  const send = sender(client);
  const prefix = options.prefix ?? DEFAULT_PREFIX;
  if (typeof prefix !== "string") {
    throw new TypeError("@mehery/xms-webhooks/redis: prefix must be a string");
  }
  const timeoutMs = options.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new TypeError("@mehery/xms-webhooks/redis: commandTimeoutMs must be a positive number");
  }
  return {
    async claim(key, ttlMs) {
      const px = String(Math.max(1, Math.ceil(ttlMs)));
      const answer = await withTimeout(
        send(["SET", prefix + key, "1", "NX", "PX", px]),
        timeoutMs,
        "SET",
      );
      // "OK" when the key was set; null when it was already held.
      return answer !== null && answer !== undefined;
    },
    async release(key) {
      await withTimeout(send(["DEL", prefix + key]), timeoutMs, "DEL");
    },
  };
}
