/**
 * A sender that stalls mid-body, against `webhooks.handle()` on Deno's and Bun's own HTTP servers
 * (smoke/serve-stall.mjs, bodyTimeoutMs 300): the receiver must answer 408 without waiting for the
 * host's own timeout (Deno's is minutes). Whether the host then closes the connection is the
 * host's doing, not ours: a fetch handler cannot close its socket. Bun closes it; Deno.serve keeps
 * it open, even for a `Connection: close` answer (the README says so, with the fix: a proxy with
 * a body timeout in front).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { connect } from "node:net";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterEach, describe, expect, test } from "vitest";
import { packageRoot } from "../src/install.js";
import { processRuntimes } from "../src/runtimes.js";

const children: ChildProcess[] = [];
afterEach(() => children.splice(0).forEach((child) => child.kill("SIGKILL")));

/** Starts smoke/serve-stall.mjs on `runtime` and resolves with its port. */
async function serve(runtime: (typeof processRuntimes)[number]): Promise<number> {
  const binary = await runtime.binary();
  const entry = join(packageRoot, "smoke/serve-stall.mjs");
  const child = spawn(binary, runtime.args(entry, ""), {
    cwd: packageRoot,
    env: { ...process.env, ...runtime.env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(child);
  const [line] = (await once(createInterface({ input: child.stdout! }), "line")) as [string];
  return (JSON.parse(line) as { port: number }).port;
}

/** Sends the head and the start of a 1000-byte body, then nothing; watches for `watchMs`. */
async function stall(port: number, watchMs: number) {
  const socket = connect(port, "127.0.0.1");
  await once(socket, "connect");
  const started = performance.now();
  let response = "";
  let answeredAfterMs: number | undefined;
  let closed = false;
  socket.setEncoding("utf8").on("data", (chunk: string) => {
    answeredAfterMs ??= performance.now() - started;
    response += chunk;
  });
  socket.on("close", () => (closed = true));
  socket.on("error", () => {});
  socket.write(
    "POST /webhooks HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\n" +
      "x-verify-token: runtime-matrix-verify-token\r\ncontent-length: 1000\r\n\r\n" +
      '{"type":"message","messages":[',
  );
  await new Promise((resolve) => setTimeout(resolve, watchMs));
  socket.destroy();
  return { response, answeredAfterMs, closed };
}

const closesAfterAnswer: Record<string, boolean> = { Bun: true, Deno: false };

describe.each(processRuntimes.filter((runtime) => runtime.name in closesAfterAnswer))(
  "$name",
  (runtime) => {
    test("handle() answers a body that stalls mid-way with 408 request_timeout, long before the host's own timeout", async () => {
      const port = await serve(runtime);
      const { response, answeredAfterMs, closed } = await stall(port, 3_000);
      expect(response).toMatch(/^HTTP\/1\.1 408 /);
      expect(response.toLowerCase()).toContain("connection: close");
      expect(response).toContain('{"error":"request_timeout"}');
      // bodyTimeoutMs is 300: the answer comes well within the 3 s watched.
      expect(answeredAfterMs).toBeLessThan(2_500);
      expect(closed).toBe(closesAfterAnswer[runtime.name]);
    });
  },
);
