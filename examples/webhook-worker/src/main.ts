/**
 * XMS_VERIFY_TOKEN=... pnpm start   (PORT: default 3000)
 *
 * Runs the Worker locally in workerd. Ctrl-C needs no handler here: Miniflare stops workerd on
 * SIGINT and SIGTERM itself, and exits 130 or 143 as a shell does.
 */
import { start } from "./server.js";

try {
  const receiver = await start({ port: Number(process.env.PORT || 3000) });
  console.log(`Listening for XMS webhooks on ${receiver.url}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
