/**
 * @mehery/xms-client inside a Cloudflare Worker (workerd, through Miniflare), with and without
 * `nodejs_compat`: the way a Worker answers an inbound message. One client per isolate, made at
 * the first request and used by every later one, as a Worker keeps it. Each attempt's time limit
 * is a timer and an abort signal made by the request that sends it, which workerd requires: a
 * timer belongs to the request that made it. The upstream is a node:http server on 127.0.0.1.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { afterEach, describe, expect, test } from "vitest";
import { runWorker, type Receiver } from "../src/server.js";

const message = {
  channelId: "wa360:918828218374",
  to: { phone: "919988776655" },
  type: "text",
  text: { body: "Your order has shipped." },
};

/** The Worker: `/send?upstream=...` sends through both call styles and reports what happened. */
const source = `
  import { createClient, isXmsError } from "@mehery/xms-client";
  let xms;
  export default {
    async fetch(request) {
      const url = new URL(request.url);
      xms ??= createClient({
        apiKey: "worker-key",
        apiId: "worker-id",
        baseUrl: url.searchParams.get("upstream"),
        timeoutMs: 300,
        retryBaseDelayMs: 10,
      });
      const report = [];
      for (const call of [
        () => xms.messages.send(${JSON.stringify(message)}),
        () => xms.config.listChannels(),
        () => xms.GET("/api/v1/config/channels").then(({ data, response }) => ({ status: response.status, data })),
      ]) {
        const started = Date.now();
        try {
          report.push({ ok: await call(), ms: Date.now() - started });
        } catch (error) {
          report.push({
            error: isXmsError(error) ? error.name : String(error),
            code: error.code,
            sent: error.sent,
            ms: Date.now() - started,
          });
        }
      }
      return Response.json(report);
    },
  };`;

type Report = {
  ok?: unknown;
  error?: string;
  code?: string;
  sent?: boolean;
  ms: number;
}[];

let worker: Receiver | undefined;
let upstream: Server | undefined;
afterEach(async () => {
  await worker?.close();
  worker = undefined;
  upstream?.closeAllConnections();
  await new Promise((resolve) => upstream?.close(resolve));
  upstream = undefined;
});

/** A loopback upstream; `answer` decides each request by its number (1, 2, ...). */
async function startUpstream(
  answer: (n: number, req: IncomingMessage, res: ServerResponse) => void,
): Promise<{ url: string; seen: string[]; open: Set<Socket> }> {
  const seen: string[] = [];
  const open = new Set<Socket>();
  upstream = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      seen.push(`${req.method} ${req.url} ${req.headers["x-api-key"] ? "key" : "no key"}`);
      answer(seen.length, req, res);
    });
  });
  upstream.on("connection", (socket: Socket) => {
    open.add(socket);
    socket.on("close", () => open.delete(socket));
  });
  await new Promise<void>((resolve) => upstream!.listen(0, "127.0.0.1", resolve));
  const address = upstream.address() as { port: number };
  return { url: `http://127.0.0.1:${address.port}`, seen, open };
}

const okBody = JSON.stringify({
  message: "OK",
  status: "200",
  results: [{ channelId: "wa360:918828218374" }],
  data: { id: "gBEGkYiEB1VXAglK1ZEqA1YKPrU" },
});

describe.each([
  ["without compatibility flags", []],
  ["with nodejs_compat", ["nodejs_compat"]],
])("workerd %s", (_, compatibilityFlags) => {
  async function startWorker(): Promise<URL> {
    worker = await runWorker({ port: 0, bindings: {}, source, compatibilityFlags });
    return new URL(worker.url);
  }

  async function report(origin: URL, upstream: string): Promise<Report> {
    const response = await fetch(new URL(`/send?upstream=${encodeURIComponent(upstream)}`, origin));
    expect(response.status).toBe(200);
    return (await response.json()) as Report;
  }

  test("a send, a GET retried after a 503, and a path-API GET all succeed, request after request", async () => {
    const { url, seen } = await startUpstream((n, req, res) => {
      // The listChannels of each Worker request gets a 503 first (requests 2 and 6).
      const status = n % 4 == 2 ? 503 : 200;
      res.writeHead(status, { "content-type": "application/json" }).end(okBody);
    });
    const origin = await startWorker();
    for (let i = 0; i < 2; i++) {
      const calls = await report(origin, url);
      expect(calls.map((call) => call.error)).toEqual([undefined, undefined, undefined]);
      expect(calls[0]!.ok).toMatchObject({ data: { id: "gBEGkYiEB1VXAglK1ZEqA1YKPrU" } });
      expect(calls[1]!.ok).toMatchObject({ results: [{ channelId: "wa360:918828218374" }] });
      expect(calls[2]!.ok).toMatchObject({ status: 200, data: { status: "200" } });
    }
    // Per Worker request: the send once (never repeated), the GET twice (503, then 200), the
    // path-API GET once; every one with the API key.
    const one = [
      "POST /api/v1/message/send key",
      "GET /api/v1/config/channels key",
      "GET /api/v1/config/channels key",
      "GET /api/v1/config/channels key",
    ];
    expect(seen).toEqual([...one, ...one]);
  });

  test("an upstream that never answers times each call out at timeoutMs, in one request after another; a send is not repeated", async () => {
    const { url, seen, open } = await startUpstream(() => {
      // Never answers.
    });
    const origin = await startWorker();
    for (let i = 0; i < 2; i++) {
      const calls = await report(origin, url);
      for (const call of calls) {
        expect(call).toMatchObject({ error: "XmsTimeoutError", code: "ETIMEDOUT", sent: true });
        // timeoutMs is 300; a retried GET makes up to three attempts with short waits between.
        expect(call.ms).toBeGreaterThanOrEqual(290);
        expect(call.ms).toBeLessThan(2_500);
      }
    }
    // Per Worker request: the send once (a timed-out send may have been received), each GET
    // three times (idempotent: retried twice).
    expect(seen.filter((line) => line.startsWith("POST"))).toHaveLength(2);
    expect(seen.filter((line) => line.startsWith("GET"))).toHaveLength(12);
    // Each timed-out attempt's connection was closed, not left open to the upstream.
    const deadline = Date.now() + 2_000;
    while (open.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(open.size).toBe(0);
  });
});
