// One receiver instance, as a customer runs several behind a load balancer: the built package,
// createNodeMiddleware on node:http, dedupe on the shared Redis at REDIS_URL through CLIENT
// (node-redis or ioredis). It prints "listening <port>", then "handled <message id>" for each
// message its handler processed and "error <name>: <message>" for each error reported.
// FAIL_ONCE: message ids whose handler fails the first time this process runs it.
// COMMAND_TIMEOUT_MS: the store's commandTimeoutMs.
import { createServer } from "node:http";
import { createNodeMiddleware, createWebhooks } from "../../dist/index.js";
import { createRedisDedupeStore } from "../../dist/redis.js";

const { REDIS_URL, CLIENT, TOKEN, FAIL_ONCE = "", COMMAND_TIMEOUT_MS } = process.env;

async function connect() {
  if (CLIENT === "ioredis") {
    const { Redis } = await import("ioredis");
    const client = new Redis(REDIS_URL, { lazyConnect: true });
    client.on("error", () => {});
    await client.connect();
    return client;
  }
  const { createClient } = await import("redis");
  const client = createClient({ url: REDIS_URL });
  client.on("error", () => {});
  await client.connect();
  return client;
}

const store = createRedisDedupeStore(await connect(), {
  commandTimeoutMs: Number(COMMAND_TIMEOUT_MS),
});
const webhooks = createWebhooks({
  verifyToken: TOKEN,
  dedupe: { store },
  onError: (error) => console.log(`error ${error.name}: ${error.message}`),
});
const failOnce = new Set(FAIL_ONCE.split(",").filter(Boolean));
webhooks.on("message", async ({ payload }) => {
  // A handler that takes a little time, so that the two copies of a delivery overlap.
  await new Promise((resolve) => setTimeout(resolve, 5));
  if (failOnce.delete(payload.id)) throw new Error(`transient failure of ${payload.id}`);
  console.log(`handled ${payload.id}`);
});

const server = createServer(createNodeMiddleware(webhooks));
server.listen(0, "127.0.0.1", () => console.log(`listening ${server.address().port}`));
