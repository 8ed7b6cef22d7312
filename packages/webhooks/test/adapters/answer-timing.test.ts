import { describe, expect, test } from "vitest";
import { createNodeMiddleware, createWebhooks } from "../../src/index.js";
import { TOKEN, textExample } from "../helpers/requests.js";
import { listen } from "../helpers/server.js";

// Over HTTP, every await between the body's end and the answer costs deliveries per second (see
// the pipeline's comment in src/webhooks.ts): with synchronous handlers, the Node middleware
// answers from within the body's own "end" event.
describe("when the Node middleware answers", () => {
  async function answeredWithinEnd(
    handler: () => unknown,
  ): Promise<{ status: number; within: boolean }> {
    const webhooks = createWebhooks({ verifyToken: TOKEN });
    webhooks.on("message.text", handler);
    const middleware = createNodeMiddleware(webhooks, { path: "/webhooks" });
    let within: boolean | undefined;
    const url = await listen((req, res) => {
      void middleware(req, res);
      // Registered after the middleware's own listener, so it runs right after it, in the same
      // emit: whether the answer was written by then.
      req.on("end", () => {
        within = res.writableEnded;
      });
    });
    const response = await fetch(`${url}/webhooks`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-verify-token": TOKEN },
      body: JSON.stringify(textExample),
    });
    await response.arrayBuffer();
    expect(within).toBeTypeOf("boolean");
    return { status: response.status, within: within as boolean };
  }

  test("synchronous handlers: within the body's end event, before any promise settles", async () => {
    let calls = 0;
    expect(await answeredWithinEnd(() => void calls++)).toEqual({ status: 200, within: true });
    expect(calls).toBe(1);
  });

  test("an async handler: only once it settled, after the end event", async () => {
    let settled = false;
    const result = await answeredWithinEnd(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      settled = true;
    });
    expect(result).toEqual({ status: 200, within: false });
    expect(settled).toBe(true);
  });
});

describe("entry points given something that is not a request", () => {
  const webhooks = createWebhooks({ verifyToken: TOKEN });

  test("handle() returns a rejected promise, it does not throw", async () => {
    let result: Promise<Response> | undefined;
    expect(() => {
      result = webhooks.handle(undefined as unknown as Request);
    }).not.toThrow();
    await expect(result).rejects.toThrow(TypeError);
  });

  test("the Node middleware returns a rejected promise, it does not throw", async () => {
    const middleware = createNodeMiddleware(webhooks);
    const res = {
      statusCode: 0,
      headersSent: false,
      writableEnded: false,
      setHeader() {},
      end() {},
    };
    let result: Promise<void> | undefined;
    expect(() => {
      result = middleware({ url: "/" } as never, res);
    }).not.toThrow();
    await expect(result).rejects.toThrow(TypeError);
  });
});
