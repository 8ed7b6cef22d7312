import { request } from "node:http";
import { describe, expect, test, vi } from "vitest";
import { createNodeMiddleware, createWebhooks } from "../../src/index.js";
import { TOKEN, textExample, webhookRequest } from "../helpers/requests.js";
import { listen } from "../helpers/server.js";

describe("a body that can not be read", () => {
  test("handle() answers 400 unreadable_body when the body stream errors", async () => {
    const webhooks = createWebhooks({ verifyToken: TOKEN });
    const handler = vi.fn();
    webhooks.onAny(handler);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"type":'));
        controller.error(new Error("connection reset"));
      },
    });
    const response = await webhooks.handle(
      new Request("http://127.0.0.1/webhooks", {
        method: "POST",
        body,
        duplex: "half",
        headers: { "content-type": "application/json", "x-verify-token": TOKEN },
      } as RequestInit),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "unreadable_body" });
    expect(handler).not.toHaveBeenCalled();
  });

  test("handle() answers 500 body_consumed when the body was already consumed", async () => {
    const webhooks = createWebhooks({ verifyToken: TOKEN });
    const used = webhookRequest(textExample);
    await used.text();
    const response = await webhooks.handle(used);
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: "body_consumed" });
  });

  test("the Node middleware settles without calling a handler when the client goes away mid-body", async () => {
    const webhooks = createWebhooks({ verifyToken: TOKEN });
    const handler = vi.fn();
    webhooks.onAny(handler);
    const middleware = createNodeMiddleware(webhooks);
    let settled!: (status: number) => void;
    const done = new Promise<number>((resolve) => (settled = resolve));
    const base = await listen((req, res) => {
      void middleware(req, res).then(() => settled(res.statusCode));
    });
    const client = request(base, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-verify-token": TOKEN,
        "content-length": "1000",
      },
    });
    client.on("error", () => {});
    client.write('{"type":"message","messages":[');
    setTimeout(() => client.destroy(), 20);
    expect(await done).toBe(400);
    expect(handler).not.toHaveBeenCalled();
  });
});
