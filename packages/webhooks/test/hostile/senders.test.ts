import { serve } from "@hono/node-server";
import type { Socket } from "node:net";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, test, vi } from "vitest";
import { createNodeMiddleware, createWebhooks } from "../../src/index.js";
import { TOKEN } from "../helpers/requests.js";
import { listen } from "../helpers/server.js";
import { postHead, rawExchange } from "../helpers/socket.js";

const MB = 1024 * 1024;
const chunk = new Uint8Array(64 * 1024).fill(0x20);

/** A Node middleware server that counts what it read from each connection. */
async function countingServer(options: { bodyTimeoutMs?: number } = {}) {
  const errors: unknown[] = [];
  const handler = vi.fn();
  const webhooks = createWebhooks({
    verifyToken: TOKEN,
    onError: (error) => void errors.push(error),
    ...options,
  });
  webhooks.onAny(handler);
  const server = createServer(createNodeMiddleware(webhooks));
  const sockets: Socket[] = [];
  server.on("connection", (socket) => sockets.push(socket));
  const url = await listen(server);
  return { url, errors, handler, bytesRead: () => sockets.reduce((n, s) => n + s.bytesRead, 0) };
}

const closers: Array<() => void> = [];
afterEach(() => closers.splice(0).forEach((close) => close()));

describe("a forged sender streaming a large body after a refusal", () => {
  test("the Node middleware answers 401 with Connection: close, closes the connection and reads far less than the 50 MB sent", async () => {
    const { url, errors, handler, bytesRead } = await countingServer();
    const result = await rawExchange(url, {
      head: postHead("/", {
        "content-type": "application/json",
        "x-verify-token": "forged",
        "content-length": 50 * MB,
      }),
      chunk,
      bodyBytes: 50 * MB,
      giveUpMs: 20_000,
    });
    expect(result.response).toMatch(/^HTTP\/1\.1 401 /);
    expect(result.response.toLowerCase()).toContain("connection: close");
    expect(result.closedByServer).toBe(true);
    expect(result.written).toBeLessThan(50 * MB);
    expect(bytesRead()).toBeLessThan(5 * MB);
    expect(handler).not.toHaveBeenCalled();
    expect(errors).toMatchObject([{ status: 401, reason: "unauthorized" }]);
  });

  test("the same holds after a 415 (a wrong Content-Type)", async () => {
    const { url, bytesRead } = await countingServer();
    const result = await rawExchange(url, {
      head: postHead("/", {
        "content-type": "text/plain",
        "x-verify-token": TOKEN,
        "content-length": 50 * MB,
      }),
      chunk,
      bodyBytes: 50 * MB,
      giveUpMs: 20_000,
    });
    expect(result.response).toMatch(/^HTTP\/1\.1 415 /);
    expect(result.closedByServer).toBe(true);
    expect(bytesRead()).toBeLessThan(5 * MB);
  });
});

describe("a sender that stalls mid-body", () => {
  const stalled = {
    head: postHead("/", {
      "content-type": "application/json",
      "x-verify-token": TOKEN,
      "content-length": 1000,
    }),
    chunk: new TextEncoder().encode('{"type":"message","messages":['),
    bodyBytes: 1000,
    stall: true,
    giveUpMs: 5000,
  };

  test("the Node middleware answers 408 request_timeout after bodyTimeoutMs and closes the connection", async () => {
    const { url, errors, handler } = await countingServer({ bodyTimeoutMs: 150 });
    const result = await rawExchange(url, stalled);
    expect(result.response).toMatch(/^HTTP\/1\.1 408 /);
    expect(result.response.toLowerCase()).toContain("connection: close");
    expect(result.response).toContain('{"error":"request_timeout"}');
    expect(result.closedByServer).toBe(true);
    expect(handler).not.toHaveBeenCalled();
    expect(errors).toMatchObject([{ status: 408, reason: "request_timeout" }]);
  });

  test("handle() behind @hono/node-server (which reads a declared-length body through arrayBuffer()) answers 408 and the connection is closed", async () => {
    const errors: unknown[] = [];
    const webhooks = createWebhooks({
      verifyToken: TOKEN,
      bodyTimeoutMs: 150,
      onError: (error) => void errors.push(error),
    });
    const server = serve({
      fetch: (request) => webhooks.handle(request),
      port: 0,
      hostname: "127.0.0.1",
    });
    closers.push(() => {
      (server as unknown as { closeAllConnections(): void }).closeAllConnections();
      server.close();
    });
    await new Promise((resolve) => server.once("listening", resolve));
    const { port } = server.address() as AddressInfo;
    const result = await rawExchange(`http://127.0.0.1:${port}/`, stalled);
    expect(result.response).toMatch(/^HTTP\/1\.1 408 /);
    expect(result.closedByServer).toBe(true);
    expect(errors).toMatchObject([{ status: 408, reason: "request_timeout" }]);
  });

  test("a body that completes within bodyTimeoutMs is not affected by it", async () => {
    const { url, handler } = await countingServer({ bodyTimeoutMs: 2000 });
    const body = JSON.stringify({ type: "message", messages: [] });
    const result = await rawExchange(url, {
      head: postHead("/", {
        "content-type": "application/json",
        "x-verify-token": TOKEN,
        "content-length": body.length,
      }),
      chunk: new TextEncoder().encode(body),
      bodyBytes: body.length,
      stall: true,
      giveUpMs: 300,
    });
    expect(result.response).toMatch(/^HTTP\/1\.1 200 /);
    // Keep-alive: the server leaves a good connection open.
    expect(result.closedByServer).toBe(false);
    expect(handler).not.toHaveBeenCalled();
  });
});
