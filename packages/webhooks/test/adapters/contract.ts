/**
 * The contract every receiver meets over real HTTP on 127.0.0.1, whatever the framework: the
 * spec's examples get 200 and reach the handlers, and each status of the policy comes back.
 */
import { describe, expect, test } from "vitest";
import { contactInfoRequestResponseExamples } from "../../src/generated/examples.js";
import { createWebhooks, type Webhooks } from "../../src/index.js";
import {
  TOKEN,
  contactInfoExample,
  itemsOf,
  notificationExamples,
  textExample,
  webhookInit,
} from "../helpers/requests.js";
import { rawPost } from "../helpers/server.js";

export const MAX_BODY_BYTES = 4096;

export interface ReceiverOptions {
  /** Starts the receiver; resolves to the URL that takes the webhooks. */
  start: (webhooks: Webhooks) => Promise<string>;
  /** The framework parses JSON itself (express.json()): it answers malformed bodies itself. */
  parsesJson?: boolean;
  /**
   * A body parser reads the whole body before the middleware runs (express.json(), raw()), so
   * a Content-Length over the limit can only be answered once the body came.
   */
  readsBodyFirst?: boolean;
}

function setup() {
  const webhooks = createWebhooks({ verifyToken: TOKEN, maxBodyBytes: MAX_BODY_BYTES });
  const received: unknown[] = [];
  webhooks.onAny(({ name, payload }) => void received.push({ name, payload }));
  webhooks.onContactInfo(() => contactInfoRequestResponseExamples.default);
  return { webhooks, received };
}

export function receiverContract(name: string, options: ReceiverOptions): void {
  describe(`${name} receiver`, () => {
    test.each(notificationExamples)(
      "answers 200 to the spec's %s example and hands every item to the handlers",
      async (_, example) => {
        const { webhooks, received } = setup();
        const url = await options.start(webhooks);
        const response = await fetch(url, webhookInit(example));
        expect(response.status).toBe(200);
        const items = itemsOf(example);
        expect(received.map((r) => (r as { payload: unknown }).payload)).toEqual(items);
      },
    );

    test("answers the spec's contact-info request with the handler's answer", async () => {
      const { webhooks } = setup();
      const url = await options.start(webhooks);
      const response = await fetch(url, webhookInit(contactInfoExample));
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual(contactInfoRequestResponseExamples.default);
    });

    test("answers 405 with Allow: POST to a GET", async () => {
      const { webhooks } = setup();
      const response = await fetch(await options.start(webhooks), {
        headers: { "x-verify-token": TOKEN },
      });
      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe("POST");
    });

    test("answers 401 to a missing and to a wrong token", async () => {
      const { webhooks, received } = setup();
      const url = await options.start(webhooks);
      const wrong = await fetch(url, webhookInit(textExample, { "x-verify-token": "nope" }));
      const init = webhookInit(textExample);
      delete (init.headers as Record<string, string>)["x-verify-token"];
      const missing = await fetch(url, init);
      expect([wrong.status, missing.status]).toEqual([401, 401]);
      expect(await wrong.text()).not.toContain(TOKEN);
      expect(received).toEqual([]);
    });

    test("answers 415 to a body that is not application/json", async () => {
      const { webhooks } = setup();
      const response = await fetch(
        await options.start(webhooks),
        webhookInit(JSON.stringify(textExample), { "content-type": "text/plain" }),
      );
      expect(response.status).toBe(415);
    });

    test("answers 413 to a Content-Length over maxBodyBytes (before the body comes, unless a body parser reads it first)", async () => {
      const { webhooks } = setup();
      const url = await options.start(webhooks);
      const body = JSON.stringify({ ...textExample, pad: "x".repeat(MAX_BODY_BYTES) });
      // Headers only: the body never comes. Only a receiver that does not read it can answer.
      const response = await rawPost(url, {
        headers: {
          "content-type": "application/json",
          "x-verify-token": TOKEN,
          "content-length": String(Buffer.byteLength(body)),
        },
        chunks: options.readsBodyFirst ? [body] : [],
        hold: !options.readsBodyFirst,
      });
      expect(response.status).toBe(413);
    });

    test("answers 413 to a chunked body that grows past maxBodyBytes", async () => {
      const { webhooks, received } = setup();
      const url = await options.start(webhooks);
      const chunk = `"${"x".repeat(1022)}",`;
      const response = await rawPost(url, {
        headers: { "content-type": "application/json", "x-verify-token": TOKEN },
        chunks: ['{"pad":[', ...Array.from({ length: 64 }, () => chunk), '""]}'],
      });
      expect(response.status).toBe(413);
      expect(received).toEqual([]);
    });

    test("answers 400 to malformed JSON", async () => {
      const { webhooks } = setup();
      const response = await fetch(await options.start(webhooks), webhookInit('{"type":'));
      expect(response.status).toBe(400);
      if (!options.parsesJson) expect(await response.json()).toEqual({ error: "malformed_json" });
    });

    test("answers 400 with pointers to an invalid payload", async () => {
      const { webhooks, received } = setup();
      const body = structuredClone(textExample) as unknown as { messages: { text: unknown }[] };
      body.messages[0]!.text = { body: ["42"] }; // an array never converts to a string
      const response = await fetch(await options.start(webhooks), webhookInit(body));
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        error: "invalid_payload",
        errors: [{ pointer: "/messages/0/text/body", message: "must be string" }],
      });
      expect(received).toEqual([]);
    });

    test("answers 500 when a handler throws", async () => {
      const { webhooks } = setup();
      webhooks.on("message.text", () => {
        throw new Error("boom");
      });
      const response = await fetch(await options.start(webhooks), webhookInit(textExample));
      expect(response.status).toBe(500);
      expect(await response.json()).toEqual({ error: "handler_failed" });
    });
  });
}
