import { describe, expect, test, vi } from "vitest";
import * as verifyModule from "../../src/verify-token.js";
import {
  WebhookDispatchError,
  WebhookPayloadError,
  WebhookRefusedError,
  createWebhooks,
  type WebhookError,
} from "../../src/index.js";
import { TOKEN, contactInfoExample, textExample, webhookRequest } from "../helpers/requests.js";

function receiver() {
  const errors: WebhookError[] = [];
  const webhooks = createWebhooks({ verifyToken: TOKEN, onError: (e) => void errors.push(e) });
  const handler = vi.fn();
  webhooks.on("message.text", handler);
  return { webhooks, errors, handler };
}

describe("webhooks.verify(): the token check for hosts that own the request", () => {
  test("takes the header value: true for a configured token, false for another or none", async () => {
    const { webhooks } = receiver();
    expect(await webhooks.verify(TOKEN)).toBe(true);
    expect(await webhooks.verify(`${TOKEN}x`)).toBe(false);
    expect(await webhooks.verify("")).toBe(false);
    expect(await webhooks.verify(null)).toBe(false);
    expect(await webhooks.verify(undefined)).toBe(false);
    expect(await webhooks.verify([TOKEN, TOKEN])).toBe(false);
  });

  test("takes a Fetch Request or Headers", async () => {
    const { webhooks } = receiver();
    expect(await webhooks.verify(webhookRequest(textExample))).toBe(true);
    expect(await webhooks.verify(new Headers({ "X-Verify-Token": TOKEN }))).toBe(true);
    const forged = webhookRequest(textExample, { headers: { "x-verify-token": "forged" } });
    expect(await webhooks.verify(forged)).toBe(false);
  });

  test("takes a Node/Fastify request or an API Gateway event, header names in any case", async () => {
    const { webhooks } = receiver();
    expect(await webhooks.verify({ headers: { "x-verify-token": TOKEN } })).toBe(true);
    expect(await webhooks.verify({ headers: { "X-Verify-Token": TOKEN } })).toBe(true);
    expect(await webhooks.verify({ headers: { "x-verify-token": [TOKEN] } })).toBe(true);
    expect(await webhooks.verify({ headers: { other: TOKEN } })).toBe(false);
    expect(await webhooks.verify({ headers: null })).toBe(false);
  });

  test("goes through the same constant-time verifier as handle(), never ===", async () => {
    const spy = vi.spyOn(verifyModule, "createTokenVerifier");
    const webhooks = createWebhooks({ verifyToken: TOKEN });
    expect(spy).toHaveBeenCalledTimes(1);
    const verifier = spy.mock.results[0]?.value as verifyModule.TokenVerifier;
    spy.mockRestore();
    expect(await webhooks.verify(TOKEN)).toBe(await verifier(TOKEN));
  });
});

describe("webhooks.verifyAndReceive({ token, body })", () => {
  test("a good token and a parsed body: dispatched like receive()", async () => {
    const { webhooks, handler } = receiver();
    await expect(webhooks.verifyAndReceive({ token: TOKEN, body: textExample })).resolves.toBe(
      undefined,
    );
    expect(handler).toHaveBeenCalledTimes(1);
  });

  test("takes the body as JSON text or bytes too, and answers a contact-info request", async () => {
    const { webhooks, handler } = receiver();
    const text = JSON.stringify(textExample);
    await webhooks.verifyAndReceive({ token: TOKEN, body: text });
    await webhooks.verifyAndReceive({ token: TOKEN, body: new TextEncoder().encode(text) });
    expect(handler).toHaveBeenCalledTimes(2);
    webhooks.onContactInfo(() => ({ name: "Ada" }));
    const answer = await webhooks.verifyAndReceive({
      token: { headers: { "x-verify-token": TOKEN } },
      body: contactInfoExample,
      kind: "contactInfo",
    });
    expect(answer).toEqual({ name: "Ada" });
  });

  test("a wrong or missing token rejects with WebhookRefusedError 401, reported to onError, and dispatches nothing", async () => {
    const { webhooks, handler, errors } = receiver();
    const wrong = await webhooks
      .verifyAndReceive({ token: "guess-1234", body: textExample })
      .catch((e: unknown) => e);
    const missing = await webhooks
      .verifyAndReceive({ token: {}, body: textExample } as never)
      .catch((e: unknown) => e);
    for (const error of [wrong, missing]) {
      expect(error).toBeInstanceOf(WebhookRefusedError);
      expect(error).toMatchObject({ status: 401, reason: "unauthorized" });
      expect(String((error as Error).message)).not.toContain("guess-1234");
    }
    expect(errors).toEqual([wrong, missing]);
    expect(handler).not.toHaveBeenCalled();
  });

  test("text that is not JSON rejects with WebhookRefusedError 400 malformed_json", async () => {
    const { webhooks } = receiver();
    await expect(webhooks.verifyAndReceive({ token: TOKEN, body: "{" })).rejects.toMatchObject({
      status: 400,
      reason: "malformed_json",
    });
  });

  test("an invalid payload and a failing handler reject as receive() does", async () => {
    const { webhooks } = receiver();
    await expect(
      webhooks.verifyAndReceive({ token: TOKEN, body: { type: "message", messages: [{ id: 1 }] } }),
    ).rejects.toBeInstanceOf(WebhookPayloadError);
    webhooks.on("message", () => {
      throw new Error("boom");
    });
    await expect(
      webhooks.verifyAndReceive({ token: TOKEN, body: textExample }),
    ).rejects.toBeInstanceOf(WebhookDispatchError);
  });
});
