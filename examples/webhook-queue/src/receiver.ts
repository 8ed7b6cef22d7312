import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createNodeMiddleware, createWebhooks, type WebhookEventName } from "@mehery/xms-webhooks";
import { Queue } from "bullmq";
import { QUEUE_NAME, connection, jobIdOf, type ItemJob } from "./queue.js";

export interface ReceiverOptions {
  /** Default 3000; 0 picks a free port. */
  port?: number;
  /** Default: `XMS_VERIFY_TOKEN`. */
  verifyToken?: string;
  /** Default: `REDIS_URL`, else redis://127.0.0.1:6379. */
  redisUrl?: string;
  /**
   * How long the queue may take to accept an item. While Redis is down BullMQ waits for it to
   * come back; the platform should get a 500 and retry, not a request that hangs. Default 10 s.
   */
  addTimeoutMs?: number;
}

export interface Receiver {
  /** The webhook URL, e.g. http://127.0.0.1:3000/webhooks. */
  url: string;
  close(): Promise<void>;
}

/** Completed jobs are kept this long, so that a platform retry within it adds no second job. */
const KEEP_COMPLETED_S = 24 * 60 * 60;

function within<T>(ms: number, promise: Promise<T>, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/**
 * A receiver that does no work of its own: each item of a delivery becomes a job on the queue,
 * and the platform gets its 200 once every item is queued. If Redis refuses an add, the handler
 * throws, the delivery is answered 500 and the platform retries it: nothing is lost.
 */
export async function start(options: ReceiverOptions = {}): Promise<Receiver> {
  const verifyToken = options.verifyToken ?? process.env.XMS_VERIFY_TOKEN;
  if (!verifyToken) throw new Error("set XMS_VERIFY_TOKEN to the webhook verification token");
  const redisUrl = options.redisUrl ?? process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
  const addTimeoutMs = options.addTimeoutMs ?? 10_000;
  const queue = new Queue<ItemJob>(QUEUE_NAME, { connection: connection(redisUrl) });
  queue.on("error", (error) => console.error(`queue: ${error.message}`));

  const webhooks = createWebhooks({ verifyToken });
  // Each kind's event and, for messages and statuses, the event of those whose type or status
  // the spec does not list (yet): a queue takes everything.
  const kinds = [
    ["message", ["message", "message.unlisted"]],
    ["status", ["status", "status.unlisted"]],
    ["event", ["event"]],
    ["action", ["action"]],
  ] as const satisfies [string, WebhookEventName[]][];
  for (const [kind, names] of kinds) {
    webhooks.on(names, async ({ payload }) => {
      const job: ItemJob = { kind, item: payload as unknown as Record<string, unknown> };
      const added = queue.add(kind, job, {
        jobId: jobIdOf(job),
        attempts: 5,
        backoff: { type: "exponential", delay: 200 },
        removeOnComplete: { age: KEEP_COMPLETED_S },
        removeOnFail: false,
      });
      await within(addTimeoutMs, added, `Redis did not queue ${kind} within ${addTimeoutMs} ms`);
    });
  }
  webhooks.onError((error) => console.error(`webhook failed: ${error.message}`));

  const server = createServer(createNodeMiddleware(webhooks, { path: "/webhooks" }));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 3000, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await queue.close();
    },
  };
}
