import { Worker, type Job } from "bullmq";
import { Redis } from "ioredis";
import { QUEUE_NAME, connection, type ItemJob } from "./queue.js";

/** The hash where the work of each job is recorded, by job id: the work's idempotence marker. */
export const PROCESSED_KEY = "xms-example:processed";

export interface WorkerOptions {
  /** Default: `REDIS_URL`, else redis://127.0.0.1:6379. */
  redisUrl?: string;
  /** Jobs run at once. Default 4. */
  concurrency?: number;
  /**
   * How long a job's lock lasts; a worker that died holding it gives the job back to the queue
   * once it expired. BullMQ's default (30 s) suits production; the tests use less.
   */
  lockDurationMs?: number;
  /** For the demo: how long each job's work takes. Default 0. */
  workMs?: number;
  /** For the demo: the first attempt of a job whose id this accepts fails (a downstream outage). */
  failFirstAttempt?: (jobId: string) => boolean;
  /** Where each job is reported. Default: console.log. */
  log?: (line: string) => void;
}

export interface RunningWorker {
  close(): Promise<void>;
}

/**
 * Processes the queued items. The work (here: recording the item in a Redis hash) is done with
 * HSETNX keyed by the job id, so a job that runs again after its worker died between doing the
 * work and BullMQ marking it complete does no work twice. Your own work needs the same: an
 * upsert, a unique key, or a marker written in the same transaction.
 */
export async function startWorker(options: WorkerOptions = {}): Promise<RunningWorker> {
  const redisUrl = options.redisUrl ?? process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
  const log = options.log ?? console.log;
  const store = new Redis(connection(redisUrl));
  // A failing HSETNX fails its job, which BullMQ retries; the connection's own errors only log.
  store.on("error", (error) => console.error(`store: ${error.message}`));
  const lockDuration = options.lockDurationMs ?? 30_000;

  const work = async (job: Job<ItemJob>): Promise<void> => {
    const id = job.id ?? "";
    if (options.failFirstAttempt?.(id) && job.attemptsMade === 0) {
      throw new Error(`downstream unavailable for ${id}`);
    }
    if (options.workMs) await new Promise((resolve) => setTimeout(resolve, options.workMs));
    const record = JSON.stringify({ kind: job.data.kind, attempt: job.attemptsMade + 1 });
    if ((await store.hsetnx(PROCESSED_KEY, id, record)) === 1) {
      log(`processed ${id} (attempt ${job.attemptsMade + 1})`);
    } else {
      log(`already processed ${id}`);
    }
  };

  const worker = new Worker<ItemJob>(QUEUE_NAME, work, {
    connection: connection(redisUrl),
    concurrency: options.concurrency ?? 4,
    lockDuration,
    stalledInterval: Math.min(30_000, lockDuration),
  });
  worker.on("failed", (job, error) =>
    log(`failed ${job?.id ?? "?"} (attempt ${job?.attemptsMade ?? "?"}): ${error.message}`),
  );
  worker.on("error", (error) => console.error(`worker: ${error.message}`));
  await worker.waitUntilReady();
  return {
    async close() {
      await worker.close();
      store.disconnect();
    },
  };
}
