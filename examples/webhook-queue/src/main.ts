/**
 * XMS_VERIFY_TOKEN=... REDIS_URL=redis://127.0.0.1:6379 pnpm start
 * (PORT: default 3000; ADD_TIMEOUT_MS: how long Redis may take to queue an item, default 10000)
 */
import { start } from "./receiver.js";

try {
  const receiver = await start({
    port: Number(process.env.PORT || 3000),
    addTimeoutMs: process.env.ADD_TIMEOUT_MS ? Number(process.env.ADD_TIMEOUT_MS) : undefined,
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void receiver.close());
  }
  console.log(`Listening for XMS webhooks on ${receiver.url}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
