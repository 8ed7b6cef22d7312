import express from "express";
import { brotliCompressSync, constants, deflateSync, gzipSync } from "node:zlib";
import { describe, expect, test, vi } from "vitest";
import { createNodeMiddleware, createWebhooks, type WebhookError } from "../../src/index.js";
import { TOKEN, textExample, webhookRequest } from "../helpers/requests.js";
import { listen, rawPost } from "../helpers/server.js";

const json = JSON.stringify(textExample);
const encoders = {
  gzip: (text: string) => gzipSync(text),
  deflate: (text: string) => deflateSync(text),
  br: (text: string) => brotliCompressSync(text),
};
const codings = Object.keys(encoders) as Array<keyof typeof encoders>;

function receiver(maxBodyBytes?: number) {
  const errors: WebhookError[] = [];
  const webhooks = createWebhooks({
    verifyToken: TOKEN,
    onError: (error) => void errors.push(error),
    ...(maxBodyBytes ? { maxBodyBytes } : {}),
  });
  const handler = vi.fn();
  webhooks.on("message.text", handler);
  return { webhooks, errors, handler };
}

function encoded(coding: string, bytes: Uint8Array): Request {
  return webhookRequest(bytes, { headers: { "content-encoding": coding } });
}

describe("a body with Content-Encoding", () => {
  test.each(codings)(
    "%s: handle() decodes it and dispatches the delivery (200)",
    async (coding) => {
      const { webhooks, handler, errors } = receiver();
      const response = await webhooks.handle(encoded(coding, encoders[coding](json)));
      expect(response.status).toBe(200);
      expect(handler).toHaveBeenCalledTimes(1);
      expect(handler.mock.calls[0]?.[0].payload).toEqual(textExample.messages![0]);
      expect(errors).toEqual([]);
    },
  );

  test.each(codings)(
    "%s: the Node middleware decodes it and dispatches the delivery (200)",
    async (coding) => {
      const { webhooks, handler } = receiver();
      const base = await listen(createNodeMiddleware(webhooks));
      const response = await rawPost(base, {
        headers: {
          "content-type": "application/json",
          "x-verify-token": TOKEN,
          "content-encoding": coding,
        },
        chunks: [encoders[coding](json)],
      });
      expect(response.status).toBe(200);
      expect(handler).toHaveBeenCalledTimes(1);
    },
  );

  test("x-gzip, upper case and a list applied in order (gzip, then br) are decoded too", async () => {
    const { webhooks, handler } = receiver();
    expect((await webhooks.handle(encoded("X-GZIP", gzipSync(json)))).status).toBe(200);
    const twice = brotliCompressSync(gzipSync(json));
    expect((await webhooks.handle(encoded("gzip, br", twice))).status).toBe(200);
    expect(
      (await webhooks.handle(encoded("identity", new TextEncoder().encode(json)))).status,
    ).toBe(200);
    expect(handler).toHaveBeenCalledTimes(3);
  });

  test("maxBodyBytes applies to the decoded size: a small gzip of a large body is 413", async () => {
    const { webhooks, errors, handler } = receiver(4096);
    const large = JSON.stringify({ ...textExample, pad: "x".repeat(10_000) });
    const compressed = gzipSync(large);
    expect(compressed.byteLength).toBeLessThan(4096);
    const response = await webhooks.handle(encoded("gzip", compressed));
    expect(response.status).toBe(413);
    expect(handler).not.toHaveBeenCalled();
    expect(errors).toMatchObject([{ status: 413, reason: "payload_too_large" }]);
  });

  test.each(codings)(
    "%s zip bomb (64 MB of zeros, compressed) stops at the limit: 413, no handler",
    async (coding) => {
      const zeros = Buffer.alloc(64 * 1024 * 1024);
      const bomb = {
        gzip: () => gzipSync(zeros, { level: 1 }),
        deflate: () => deflateSync(zeros, { level: 1 }),
        br: () => brotliCompressSync(zeros, { params: { [constants.BROTLI_PARAM_QUALITY]: 1 } }),
      }[coding]();
      const { webhooks, handler } = receiver(1024 * 1024);
      const before = process.memoryUsage().arrayBuffers;
      const response = await webhooks.handle(encoded(coding, bomb));
      expect(response.status).toBe(413);
      expect(handler).not.toHaveBeenCalled();
      // Decoding all of it would have held 64 MB; stopping at the limit holds about 1 MiB.
      expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(16 * 1024 * 1024);
    },
  );

  test("an unknown encoding is 415 unsupported_encoding with Accept-Encoding: identity, never 400", async () => {
    const { webhooks, errors } = receiver();
    const response = await webhooks.handle(encoded("zstd", new Uint8Array([1, 2, 3])));
    expect(response.status).toBe(415);
    expect(response.headers.get("accept-encoding")).toBe("identity");
    expect(await response.json()).toEqual({ error: "unsupported_encoding" });
    expect(errors[0]?.message).toContain('Content-Encoding "zstd"');
  });

  test("br where the runtime has no node:zlib (Workers, browsers): 415 unsupported_encoding, Accept-Encoding: identity", async () => {
    const { webhooks, handler } = receiver();
    const original = process.getBuiltinModule;
    // As on a runtime without node:zlib; node:crypto (the token check) stays available.
    process.getBuiltinModule = ((id: string) =>
      id === "node:zlib" ? undefined : original(id)) as typeof process.getBuiltinModule;
    try {
      const response = await webhooks.handle(encoded("br", encoders.br(json)));
      expect(response.status).toBe(415);
      expect(response.headers.get("accept-encoding")).toBe("identity");
      expect(await response.json()).toEqual({ error: "unsupported_encoding" });
      // gzip still decodes there: DecompressionStream is a Web API.
      expect((await webhooks.handle(encoded("gzip", encoders.gzip(json)))).status).toBe(200);
    } finally {
      process.getBuiltinModule = original;
    }
    expect(handler).toHaveBeenCalledTimes(1);
  });

  test("a body that is not of its declared encoding is 415 undecodable_body with Accept-Encoding: identity", async () => {
    const { webhooks } = receiver();
    for (const coding of codings) {
      const response = await webhooks.handle(
        encoded(coding, new TextEncoder().encode("not compressed at all")),
      );
      expect(response.status).toBe(415);
      expect(response.headers.get("accept-encoding")).toBe("identity");
      expect(await response.json()).toEqual({ error: "undecodable_body" });
    }
  });

  test("express.raw() decodes gzip itself and keeps the header: the bytes are used as they are (200)", async () => {
    const { webhooks, handler } = receiver();
    const app = express();
    app.use(express.raw({ type: "application/json" }));
    app.use(createNodeMiddleware(webhooks));
    const base = await listen(app);
    const response = await rawPost(base, {
      headers: {
        "content-type": "application/json",
        "x-verify-token": TOKEN,
        "content-encoding": "gzip",
      },
      chunks: [gzipSync(json)],
    });
    expect(response.status).toBe(200);
    expect(handler).toHaveBeenCalledTimes(1);
  });
});
