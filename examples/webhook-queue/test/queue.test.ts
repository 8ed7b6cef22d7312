import { VERIFY_TOKEN, startExample, type RunningExample } from "@mehery/example-test-kit";
import { startRedis, type RedisServer } from "@mehery/test-redis";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { QUEUE_NAME, connection } from "../src/queue.js";
import { PROCESSED_KEY } from "../src/worker.js";
import { deliver, textMessage } from "./deliveries.js";

const dir = new URL("..", import.meta.url);
let redis: RedisServer;
let store: Redis;
const running: RunningExample[] = [];

beforeEach(async () => {
  redis = await startRedis();
  store = new Redis(redis.url);
  // The last test kills Redis: its reconnection errors are expected.
  store.on("error", () => {});
});
afterEach(async () => {
  for (const child of running.splice(0)) {
    child.child.kill("SIGKILL");
    await child.exited;
  }
  store.disconnect();
  await redis.kill();
});

/** `pnpm start`: the receiver; resolves with its webhook URL once it listens. */
async function startReceiver(env: Record<string, string> = {}): Promise<string> {
  const receiver = startExample(dir, {
    XMS_VERIFY_TOKEN: VERIFY_TOKEN,
    REDIS_URL: redis.url,
    PORT: "0",
    ...env,
  });
  running.push(receiver);
  const line = receiver.lines[await receiver.waitForLine(/^Listening for XMS webhooks on /)];
  return line?.replace("Listening for XMS webhooks on ", "") ?? "";
}

/** `pnpm worker`, with a short lock so that the jobs of a killed worker come back quickly. */
async function startWorker(env: Record<string, string> = {}): Promise<RunningExample> {
  const worker = startExample(
    dir,
    { REDIS_URL: redis.url, LOCK_MS: "1000", ...env },
    "src/worker-main.ts",
  );
  running.push(worker);
  await worker.waitForLine("Worker started");
  return worker;
}

const processedLines = (worker: RunningExample) =>
  worker.lines.filter((line) => line.startsWith("processed "));

async function until(check: () => Promise<boolean> | boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("webhook-queue: receiver -> BullMQ on Redis -> worker", () => {
  test(
    "every item is processed exactly once though the worker is killed mid-batch and restarted, and platform retries add no job",
    { timeout: 120_000 },
    async () => {
      const url = await startReceiver();
      const ids = Array.from({ length: 30 }, (_, i) => `wamid.queue-${i}`);
      // Each delivery twice: the platform's retry must not add a second job.
      const statuses = await Promise.all(
        ids.flatMap((id) => [deliver(url, textMessage(id)), deliver(url, textMessage(id))]),
      );
      expect(statuses).toEqual(statuses.map(() => 200));

      const first = await startWorker({ WORK_MS: "100" });
      await first.waitForLine(/^processed /);
      await until(() => processedLines(first).length >= 8);
      first.child.kill("SIGKILL");
      await first.exited;
      const beforeKill = processedLines(first).length;
      expect(beforeKill).toBeLessThan(ids.length);

      const second = await startWorker();
      await until(async () => (await store.hlen(PROCESSED_KEY)) === ids.length);

      const jobIds = ids.map((id) => `message.${encodeURIComponent(id)}`).sort();
      expect(Object.keys(await store.hgetall(PROCESSED_KEY)).sort()).toEqual(jobIds);
      const queue = new Queue(QUEUE_NAME, { connection: connection(redis.url) });
      try {
        await until(async () => (await queue.getJobCounts("completed")).completed === ids.length);
        const counts = await queue.getJobCounts("completed", "failed", "waiting", "active");
        expect(counts).toMatchObject({ completed: ids.length, failed: 0, waiting: 0, active: 0 });
      } finally {
        await queue.close();
      }

      // Each item's work was done once: HSETNX keyed by the job id admits one record per item,
      // and no item's work is logged twice. The line comes after the HSETNX, so SIGKILL may land
      // between the two: such a job was not completed, so (every job being completed now) it ran
      // again on the second worker and found the marker ("already processed"). Only the first
      // worker's jobs in flight at the kill (at most its concurrency, 4) can be unlogged.
      const done = [...processedLines(first), ...processedLines(second)].map(
        (line) => line.split(" ")[1]!,
      );
      expect(new Set(done).size).toBe(done.length);
      const unlogged = jobIds.filter((jobId) => !done.includes(jobId));
      expect(unlogged.length).toBeLessThanOrEqual(4);
      const alreadyDone = () =>
        second.lines
          .filter((line) => line.startsWith("already processed "))
          .map((line) => line.split(" ")[2]);
      // The line is written before the job completes, but read from the child's pipe after.
      await until(() => unlogged.every((jobId) => alreadyDone().includes(jobId)), 10_000).catch(
        () => {},
      );
      for (const jobId of unlogged) expect(alreadyDone()).toContain(jobId);
      expect(processedLines(second).length).toBe(ids.length - beforeKill - unlogged.length);
    },
  );

  test(
    "a job whose first attempt fails is retried by the worker and processed once",
    { timeout: 120_000 },
    async () => {
      const url = await startReceiver();
      const jobId = "message.wamid.flaky";
      const worker = await startWorker({ FAIL_FIRST_ATTEMPT: jobId });
      expect(await deliver(url, textMessage("wamid.flaky"))).toBe(200);
      await worker.waitForLine(`processed ${jobId} (attempt 2)`);
      expect(worker.lines).toContain(
        `failed ${jobId} (attempt 1): downstream unavailable for ${jobId}`,
      );
      expect(processedLines(worker)).toEqual([`processed ${jobId} (attempt 2)`]);
    },
  );

  test(
    "with Redis down, the receiver answers 500 (the platform retries) instead of 200 for an item not queued",
    { timeout: 120_000 },
    async () => {
      const url = await startReceiver({ ADD_TIMEOUT_MS: "1000" });
      await redis.kill();
      expect(await deliver(url, textMessage("wamid.lost-if-200"))).toBe(500);
    },
  );
});
