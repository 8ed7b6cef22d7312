/**
 * REDIS_URL=redis://127.0.0.1:6379 pnpm worker
 * Demo knobs: WORK_MS (each job's work time), LOCK_MS (BullMQ lockDuration),
 * FAIL_FIRST_ATTEMPT (comma-separated job ids whose first attempt fails).
 */
import { startWorker } from "./worker.js";

const failFirst = new Set((process.env.FAIL_FIRST_ATTEMPT ?? "").split(",").filter(Boolean));
const worker = await startWorker({
  workMs: Number(process.env.WORK_MS || 0),
  lockDurationMs: process.env.LOCK_MS ? Number(process.env.LOCK_MS) : undefined,
  failFirstAttempt: (id) => failFirst.has(id),
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void worker.close());
}
console.log("Worker started");
