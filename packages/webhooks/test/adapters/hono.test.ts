import { createServer } from "node:http";
import { getRequestListener } from "@hono/node-server";
import { Hono, type Context } from "hono";
import { describe, expect, test } from "vitest";
import { createWebhooks, type WebhookError } from "../../src/index.js";
import { TOKEN, textExample, webhookInit } from "../helpers/requests.js";
import { listen } from "../helpers/server.js";
import { receiverContract } from "./contract.js";

receiverContract("Hono (@hono/node-server)", {
  start: async (webhooks) => {
    const app = new Hono();
    app.all("/webhooks", (c) => webhooks.handle(c.req.raw));
    return `${await listen(createServer(getRequestListener(app.fetch)))}/webhooks`;
  },
});

describe("handle() behind @hono/node-server", () => {
  async function start(read?: (c: Context) => Promise<unknown>) {
    const webhooks = createWebhooks({ verifyToken: TOKEN, onError: (e) => void errors.push(e) });
    const errors: WebhookError[] = [];
    const texts: string[] = [];
    let bodyTouched = 0;
    webhooks.on("message.text", ({ payload }) => void texts.push(payload.text.body));
    const app = new Hono();
    app.post("/webhooks", async (c) => {
      if (read) await read(c);
      // Counts reads of `body` on this request object: the lightweight request builds a whole
      // Fetch Request and stream for it.
      const raw = c.req.raw;
      const body = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(raw), "body")!;
      Object.defineProperty(raw, "body", {
        get() {
          bodyTouched++;
          return body.get!.call(raw);
        },
      });
      return webhooks.handle(raw);
    });
    const url = `${await listen(createServer(getRequestListener(app.fetch)))}/webhooks`;
    return { url, errors, texts, touched: () => bodyTouched };
  }

  test("reads a body of declared length without building a Fetch stream for it", async () => {
    const { url, texts, touched } = await start();
    const response = await fetch(url, webhookInit(textExample));
    expect(response.status).toBe(200);
    expect(texts).toEqual([textExample.messages![0]!.text!.body]);
    expect(touched()).toBe(0);
  });

  test("reads a chunked body (no Content-Length) through its stream, within the limit", async () => {
    const { url, texts, touched } = await start();
    const bytes = new TextEncoder().encode(JSON.stringify(textExample));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.subarray(0, 10));
        controller.enqueue(bytes.subarray(10));
        controller.close();
      },
    });
    const init = webhookInit(textExample);
    const response = await fetch(url, { ...init, body: stream, duplex: "half" } as RequestInit);
    expect(response.status).toBe(200);
    expect(texts).toHaveLength(1);
    expect(touched()).toBe(1);
  });

  test("answers 500 body_consumed, with how to fix it, when a middleware read the body first", async () => {
    const { url, errors, texts } = await start((c) => c.req.raw.json());
    const response = await fetch(url, webhookInit(textExample));
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: "body_consumed" });
    expect(texts).toEqual([]);
    expect(errors).toMatchObject([{ status: 500, reason: "body_consumed" }]);
  });
});
