import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { createWebhooks, isXmsWebhooksError, type WebhookError } from "../../src/index.js";
import { createRedisDedupeStore, type RedisClientLike } from "../../src/redis.js";
import { startRedis, type RedisServer } from "@mehery/test-redis";
import { TOKEN, textExample, webhookRequest } from "../helpers/requests.js";
import { clientLibraries, connect, type TestClient } from "./clients.js";

let redis: RedisServer;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis.kill();
});

describe.each(clientLibraries)("createRedisDedupeStore with a %s client", (library) => {
  let connection: TestClient;
  beforeAll(async () => {
    connection = await connect(library, redis.url);
  });
  afterAll(async () => {
    await connection.close();
  });
  afterEach(async () => {
    await connection.command(["FLUSHALL"]);
  });

  test("claim() holds a key once, under the prefix, for ttlMs; release() gives it back", async () => {
    const store = createRedisDedupeStore(connection.client, { prefix: "app1:" });
    expect(await store.claim("message:a", 60_000)).toBe(true);
    expect(await store.claim("message:a", 60_000)).toBe(false);
    const pttl = Number(await connection.command(["PTTL", "app1:message:a"]));
    expect(pttl).toBeGreaterThan(59_000);
    expect(pttl).toBeLessThanOrEqual(60_000);
    await store.release("message:a");
    expect(await connection.command(["EXISTS", "app1:message:a"])).toBe(0);
    expect(await store.claim("message:a", 60_000)).toBe(true);
  });

  test("of concurrent claims of one key, exactly one wins", async () => {
    const store = createRedisDedupeStore(connection.client);
    const wins = await Promise.all(Array.from({ length: 20 }, () => store.claim("k", 60_000)));
    expect(wins.filter(Boolean)).toHaveLength(1);
    expect(await connection.command(["EXISTS", "xms-webhooks:dedupe:k"])).toBe(1);
  });

  test("a claim expires after its TTL, so a later delivery is processed again", async () => {
    const store = createRedisDedupeStore(connection.client);
    expect(await store.claim("short", 50)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(await store.claim("short", 50)).toBe(true);
  });

  test("in createWebhooks: a retry is skipped, and a failed item is processed on its retry", async () => {
    const store = createRedisDedupeStore(connection.client);
    const webhooks = createWebhooks({ verifyToken: TOKEN, dedupe: { store } });
    let calls = 0;
    webhooks.on("message.text", () => {
      calls++;
      if (calls === 1) throw new Error("database down");
    });
    const statuses = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await webhooks.handle(webhookRequest(textExample))).status);
    expect(statuses).toEqual([500, 200, 200]);
    expect(calls).toBe(2);
  });
});

describe("createRedisDedupeStore when Redis fails", () => {
  test("a client that is neither node-redis nor ioredis is refused with a TypeError", () => {
    expect(() => createRedisDedupeStore({} as RedisClientLike)).toThrow(TypeError);
    expect(() => createRedisDedupeStore(null as unknown as RedisClientLike)).toThrow(
      /node-redis client \(sendCommand\) or an ioredis client \(call\)/,
    );
  });

  test.each(clientLibraries)(
    "with %s and Redis killed, the delivery is processed and a DedupeStoreError reported",
    async (library) => {
      const own = await startRedis();
      const connection = await connect(library, own.url);
      try {
        const store = createRedisDedupeStore(connection.client, { commandTimeoutMs: 300 });
        const errors: WebhookError[] = [];
        const webhooks = createWebhooks({
          verifyToken: TOKEN,
          dedupe: { store },
          onError: (error) => void errors.push(error),
        });
        let calls = 0;
        webhooks.on("message.text", () => void calls++);
        await own.kill();
        const response = await webhooks.handle(webhookRequest(textExample));
        expect(response.status).toBe(200);
        expect(calls).toBe(1);
        expect(errors.length).toBeGreaterThan(0);
        expect(errors.every((e) => isXmsWebhooksError(e) && e.name === "DedupeStoreError")).toBe(
          true,
        );
        expect(errors[0]?.message).toMatch(/the dedupe store failed to claim a key/);
      } finally {
        await connection.close();
      }
    },
  );
});
