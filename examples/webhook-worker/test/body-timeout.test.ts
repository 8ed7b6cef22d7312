/**
 * A sender that stalls mid-body, against `webhooks.handle()` in workerd: the body deadline must
 * answer 408 for each such delivery, one after another, with and without `nodejs_compat`. With it,
 * workerd's timers look like Node's (they have `unref()`), yet a Worker ties a timer, and what its
 * callback settles, to the request that made it: the package must not share one interval across
 * requests there, as it does on Node.
 */
import { once } from "node:events";
import { connect } from "node:net";
import { afterEach, describe, expect, test } from "vitest";
import { runWorker, type Receiver } from "../src/server.js";

const TOKEN = "worker-body-timeout-token";

/** A Worker whose receiver gives up on a body after 300 ms. */
const source = `
  import { createWebhooks } from "@mehery/xms-webhooks";
  let webhooks;
  export default {
    fetch(request) {
      webhooks ??= createWebhooks({ verifyToken: ${JSON.stringify(TOKEN)}, bodyTimeoutMs: 300 });
      return webhooks.handle(request);
    },
  };`;

let worker: Receiver | undefined;
afterEach(async () => {
  await worker?.close();
  worker = undefined;
});

/** Sends the head and the start of a 1000-byte body, then nothing, until an answer or `watchMs`. */
async function stall(url: URL, watchMs: number): Promise<{ response: string; afterMs: number }> {
  const socket = connect(Number(url.port), url.hostname);
  await once(socket, "connect");
  const started = performance.now();
  let response = "";
  socket.setEncoding("utf8").on("data", (chunk: string) => (response += chunk));
  socket.on("error", () => {});
  socket.write(
    `POST /webhooks HTTP/1.1\r\nhost: ${url.host}\r\ncontent-type: application/json\r\n` +
      `x-verify-token: ${TOKEN}\r\ncontent-length: 1000\r\n\r\n` +
      '{"type":"message","messages":[',
  );
  const deadline = started + watchMs;
  while (!response.includes("\r\n\r\n") && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  socket.destroy();
  return { response, afterMs: performance.now() - started };
}

describe.each([
  ["without compatibility flags", []],
  ["with nodejs_compat", ["nodejs_compat"]],
])("workerd %s", (_, compatibilityFlags) => {
  test("each of three stalled bodies in a row is answered 408 within the body timeout, then a whole one 200", async () => {
    worker = await runWorker({ port: 0, bindings: {}, source, compatibilityFlags });
    const url = new URL(worker.url);
    for (let i = 0; i < 3; i++) {
      const { response, afterMs } = await stall(url, 3_000);
      expect(response).toMatch(/^HTTP\/1\.1 408 /);
      // bodyTimeoutMs is 300: well within the 3 s watched.
      expect(afterMs).toBeLessThan(2_500);
    }
    const whole = await fetch(new URL("/webhooks", url), {
      method: "POST",
      headers: { "content-type": "application/json", "x-verify-token": TOKEN },
      body: JSON.stringify({ type: "message", messages: [] }),
    });
    expect(whole.status).toBe(200);
  });
});
