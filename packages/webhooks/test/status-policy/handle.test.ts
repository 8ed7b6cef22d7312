import { describe, expect, test, vi } from "vitest";
import { createWebhooks, type WebhookError } from "../../src/index.js";
import { TOKEN, copy, textExample, webhookRequest } from "../helpers/requests.js";

function setup(options: { maxBodyBytes?: number } = {}) {
  const webhooks = createWebhooks({ verifyToken: TOKEN, ...options });
  const handler = vi.fn();
  const errors: WebhookError[] = [];
  webhooks.onAny(handler);
  webhooks.onError((error) => void errors.push(error));
  return { webhooks, handler, errors };
}

async function json(response: Response): Promise<unknown> {
  return JSON.parse(await response.text());
}

describe("the status policy, through handle()", () => {
  test("handle() answers 200 (empty body) once every handler settled", async () => {
    const { webhooks } = setup();
    let settled = false;
    webhooks.on("message.text", async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      settled = true;
    });
    const response = await webhooks.handle(webhookRequest(textExample));
    expect(settled).toBe(true);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("");
  });

  test.each(["GET", "PUT", "DELETE", "PATCH", "HEAD"])(
    "handle() answers 405 with Allow: POST to %s",
    async (method) => {
      const { webhooks, handler } = setup();
      const response = await webhooks.handle(webhookRequest(textExample, { method }));
      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe("POST");
      expect(handler).not.toHaveBeenCalled();
    },
  );

  test("handle() answers 401 without detail when the token is missing", async () => {
    const { webhooks, handler } = setup();
    const response = await webhooks.handle(
      webhookRequest(textExample, { headers: { "x-verify-token": null } }),
    );
    expect(response.status).toBe(401);
    expect(await json(response)).toEqual({ error: "unauthorized" });
    expect(handler).not.toHaveBeenCalled();
  });

  test("handle() answers the same 401 to a wrong token, and never echoes it", async () => {
    const { webhooks, handler } = setup();
    const wrong = `${TOKEN}-but-wrong`;
    const response = await webhooks.handle(
      webhookRequest(textExample, { headers: { "x-verify-token": wrong } }),
    );
    expect(response.status).toBe(401);
    const body = await response.text();
    expect(body).toBe('{"error":"unauthorized"}');
    expect(body).not.toContain(wrong);
    expect(handler).not.toHaveBeenCalled();
  });

  test("handle() answers 401 to an endless body with a wrong token, and stops reading it", async () => {
    const { webhooks, handler } = setup();
    let chunks = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        chunks++;
        controller.enqueue(new Uint8Array(64).fill(0x20));
      },
    });
    const response = await webhooks.handle(
      new Request("http://127.0.0.1/webhooks", {
        method: "POST",
        body,
        duplex: "half",
        headers: { "content-type": "application/json", "x-verify-token": "wrong" },
      } as RequestInit),
    );
    expect(response.status).toBe(401);
    expect(handler).not.toHaveBeenCalled();
    const pulled = chunks;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(chunks).toBe(pulled); // cancelled: nothing pulls it any more
  });

  test("handle() checks the token before the content type (401 before 415)", async () => {
    const { webhooks } = setup();
    const response = await webhooks.handle(
      webhookRequest("x", { headers: { "x-verify-token": "nope", "content-type": "text/plain" } }),
    );
    expect(response.status).toBe(401);
  });

  test.each(["text/plain", "application/x-www-form-urlencoded", "application/jsonp", ""])(
    "handle() answers 415 to Content-Type %j",
    async (type) => {
      const { webhooks, handler } = setup();
      const response = await webhooks.handle(
        webhookRequest(textExample, { headers: { "content-type": type || null } }),
      );
      expect(response.status).toBe(415);
      expect(handler).not.toHaveBeenCalled();
    },
  );

  test("handle() accepts application/json with a charset, in any case", async () => {
    const { webhooks } = setup();
    const response = await webhooks.handle(
      webhookRequest(textExample, {
        headers: { "content-type": "Application/JSON; charset=UTF-8" },
      }),
    );
    expect(response.status).toBe(200);
  });

  test("handle() answers 413 past maxBodyBytes", async () => {
    const { webhooks, handler } = setup({ maxBodyBytes: 100 });
    const response = await webhooks.handle(webhookRequest({ pad: "x".repeat(200) }));
    expect(response.status).toBe(413);
    expect(handler).not.toHaveBeenCalled();
  });

  test("handle() answers 413 on a Content-Length over the limit without reading the body", async () => {
    const { webhooks } = setup({ maxBodyBytes: 100 });
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new TextEncoder().encode("{}"));
        controller.close();
      },
    });
    const request = new Request("http://127.0.0.1/webhooks", {
      method: "POST",
      body,
      duplex: "half",
      headers: {
        "content-type": "application/json",
        "x-verify-token": TOKEN,
        "content-length": "101",
      },
    } as RequestInit);
    const response = await webhooks.handle(request);
    expect(response.status).toBe(413);
    // A ReadableStream pulls once on creation to fill its queue; the handler must not read on.
    expect(pulled).toBeLessThanOrEqual(1);
    expect(request.bodyUsed).toBe(false);
  });

  test("handle() stops reading a stream at the limit (413), it does not drain it", async () => {
    const { webhooks } = setup({ maxBodyBytes: 1024 });
    let chunks = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        chunks++;
        controller.enqueue(new Uint8Array(512).fill(0x20));
        // An endless body: only stopping at the limit ends this test.
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
    expect(response.status).toBe(413);
    expect(chunks).toBeLessThan(10);
  });

  test.each([
    ["a truncated object", '{"type":"message"'],
    ["an empty body", ""],
    ["plain text", "hello"],
    ["invalid UTF-8", new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d])],
  ])("handle() answers 400 malformed_json to %s", async (_, body) => {
    const { webhooks, handler } = setup();
    const response = await webhooks.handle(webhookRequest(body));
    expect(response.status).toBe(400);
    expect(await json(response)).toEqual({ error: "malformed_json" });
    expect(handler).not.toHaveBeenCalled();
  });

  test("handle() answers 400 invalid_payload with JSON pointers to the fields at fault", async () => {
    const { webhooks, handler, errors } = setup();
    const body = copy(textExample) as Record<string, unknown>;
    const message = (body["messages"] as Record<string, unknown>[])[0]!;
    delete message["text"];
    message["timestamp"] = "yesterday";
    const response = await webhooks.handle(webhookRequest(body));
    expect(response.status).toBe(400);
    const answer = (await json(response)) as { error: string; errors: { pointer: string }[] };
    expect(answer.error).toBe("invalid_payload");
    expect(answer.errors.map((e) => e.pointer).sort()).toEqual([
      "/messages/0/text",
      "/messages/0/timestamp",
    ]);
    expect(handler).not.toHaveBeenCalled();
    expect(errors.map((e) => e.name)).toEqual(["WebhookPayloadError"]);
  });

  test.each([
    ["an array", []],
    ["a number", 5],
    ["null", null],
    ["a string", "x"],
  ])("handle() answers 400 invalid_payload to %s", async (_, body) => {
    const { webhooks } = setup();
    const response = await webhooks.handle(webhookRequest(JSON.stringify(body)));
    expect(response.status).toBe(400);
    expect(await json(response)).toEqual({
      error: "invalid_payload",
      errors: [{ pointer: "", message: "must be an object" }],
    });
  });

  test("handle() answers 500 when a handler throws, runs the others, and tells onError", async () => {
    const { webhooks, errors } = setup();
    const other = vi.fn(async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
    });
    webhooks.on("message.text", () => {
      throw new Error("boom");
    });
    webhooks.on("message", other);
    const response = await webhooks.handle(webhookRequest(textExample));
    expect(response.status).toBe(500);
    expect(await json(response)).toEqual({ error: "handler_failed" });
    expect(other).toHaveBeenCalledTimes(1);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.name).toBe("WebhookHandlerError");
    expect((errors[0]?.cause as Error).message).toBe("boom");
  });

  test("handle() answers 500 only after the other handlers settled", async () => {
    const { webhooks } = setup();
    let slowDone = false;
    webhooks.on("message.text", async () => {
      throw new Error("fast failure");
    });
    webhooks.on("message", async () => {
      await new Promise((resolve) => setTimeout(resolve, 30));
      slowDone = true;
    });
    const response = await webhooks.handle(webhookRequest(textExample));
    expect(response.status).toBe(500);
    expect(slowDone).toBe(true);
  });

  test("handle() still answers when an onError handler itself throws", async () => {
    const { webhooks } = setup();
    webhooks.onError(() => {
      throw new Error("logger down");
    });
    webhooks.onError(async () => {
      throw new Error("async logger down");
    });
    webhooks.on("message", () => {
      throw new Error("boom");
    });
    const response = await webhooks.handle(webhookRequest(textExample));
    expect(response.status).toBe(500);
  });

  test("no error body contains the token", async () => {
    const { webhooks } = setup({ maxBodyBytes: 50 });
    webhooks.on("message", () => {
      throw new Error("boom");
    });
    const requests = [
      webhookRequest(textExample, { method: "PUT" }),
      webhookRequest(textExample, { headers: { "x-verify-token": "wrong" } }),
      webhookRequest(textExample, { headers: { "content-type": "text/plain" } }),
      webhookRequest(textExample),
      webhookRequest("{"),
    ];
    const big = createWebhooks({ verifyToken: TOKEN });
    big.on("message", () => {
      throw new Error(`handler saw ${TOKEN}?`);
    });
    for (const request of requests) {
      const body = await (await webhooks.handle(request)).text();
      expect(body).not.toContain(TOKEN);
    }
    const failed = await big.handle(webhookRequest(textExample));
    expect(failed.status).toBe(500);
    expect(await failed.text()).not.toContain(TOKEN);
    const invalid = await big.handle(
      webhookRequest({ messages: [{ id: TOKEN, type: "text", text: TOKEN }] }),
    );
    expect(invalid.status).toBe(400);
    expect(await invalid.text()).not.toContain(TOKEN);
  });
});
