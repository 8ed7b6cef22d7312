import { describe, expect, test, vi } from "vitest";
import { contactInfoRequestResponseExamples } from "../../src/generated/examples.js";
import {
  ContactInfoAnswerError,
  createWebhooks,
  type ContactInfoResponse,
  type WebhookError,
} from "../../src/index.js";
import { TOKEN, contactInfoExample, webhookRequest } from "../helpers/requests.js";

function setup(options: { contactInfoTimeoutMs?: number; validate?: "strict" | "lenient" } = {}) {
  const errors: WebhookError[] = [];
  const webhooks = createWebhooks({
    verifyToken: TOKEN,
    ...options,
    onError: (error) => void errors.push(error),
  });
  return { webhooks, errors };
}

describe("contact-info requests", () => {
  test("handle() answers 200 with the onContactInfo handler's answer", async () => {
    const { webhooks } = setup();
    const answer = contactInfoRequestResponseExamples.default;
    webhooks.onContactInfo(async ({ payload, contact }) => {
      expect(payload).toEqual(contactInfoExample);
      expect(contact).toEqual(contactInfoExample);
      return answer;
    });
    const response = await webhooks.handle(webhookRequest(contactInfoExample));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await response.json()).toEqual(answer);
  });

  test("without an onContactInfo handler, handle() answers {} (change nothing)", async () => {
    const { webhooks } = setup();
    const response = await webhooks.handle(webhookRequest(contactInfoExample));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("{}");
  });

  test("past contactInfoTimeoutMs, handle() answers {} and onError gets a timeout", async () => {
    const { webhooks, errors } = setup({ contactInfoTimeoutMs: 30 });
    let release!: () => void;
    webhooks.onContactInfo(
      () =>
        new Promise<ContactInfoResponse>((resolve) => (release = () => resolve({ name: "late" }))),
    );
    const response = await webhooks.handle(webhookRequest(contactInfoExample));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("{}");
    expect(errors.map((e) => e.name)).toEqual(["ContactInfoTimeoutError"]);
    release();
  });

  test("a handler that fails after the timeout is still reported to onError", async () => {
    const { webhooks, errors } = setup({ contactInfoTimeoutMs: 10 });
    let fail!: () => void;
    webhooks.onContactInfo(
      () =>
        new Promise<ContactInfoResponse>((_, reject) => (fail = () => reject(new Error("late")))),
    );
    await webhooks.handle(webhookRequest(contactInfoExample));
    fail();
    await vi.waitFor(() => expect(errors.map((e) => e.name)).toContain("WebhookHandlerError"));
  });

  test("an invalid answer is never sent: 500, and onError gets the pointers", async () => {
    const { webhooks, errors } = setup();
    webhooks.onContactInfo(() => ({ labels: [{ key: "TIER" }] }) as unknown as ContactInfoResponse);
    const response = await webhooks.handle(webhookRequest(contactInfoExample));
    expect(response.status).toBe(500);
    expect(await response.text()).toBe('{"error":"handler_failed"}');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(ContactInfoAnswerError);
    expect((errors[0] as ContactInfoAnswerError).errors).toEqual([
      { pointer: "/labels/0/value", message: "is required" },
    ]);
  });

  test.each([
    ["not an object", () => "Jane" as unknown as ContactInfoResponse],
    ["a wrong type", () => ({ name: 42 }) as unknown as ContactInfoResponse],
    ["what toJSON turns invalid", () => ({ toJSON: () => ({ email: 5 }) }) as ContactInfoResponse],
    [
      "a cycle",
      () => {
        const answer: Record<string, unknown> = { name: "x" };
        answer["self"] = answer;
        return answer as ContactInfoResponse;
      },
    ],
    ["undefined", () => undefined as unknown as ContactInfoResponse],
  ])("an answer that is %s gets 500", async (_, handler) => {
    const { webhooks, errors } = setup();
    webhooks.onContactInfo(handler);
    const response = await webhooks.handle(webhookRequest(contactInfoExample));
    expect(response.status).toBe(500);
    expect(errors[0]?.name).toBe("ContactInfoAnswerError");
  });

  test("strict validation rejects unknown fields in the answer too", async () => {
    const { webhooks } = setup({ validate: "strict" });
    webhooks.onContactInfo(() => ({ name: "Jane", nickname: "J" }) as ContactInfoResponse);
    expect((await webhooks.handle(webhookRequest(contactInfoExample))).status).toBe(500);
  });

  test("a throwing onContactInfo handler gets 500 and onError", async () => {
    const { webhooks, errors } = setup();
    webhooks.onContactInfo(() => {
      throw new Error("crm down");
    });
    const response = await webhooks.handle(webhookRequest(contactInfoExample));
    expect(response.status).toBe(500);
    expect(errors.map((e) => e.name)).toEqual(["WebhookHandlerError"]);
  });

  test("on('contact.info') observers run too, and a failing one makes it 500", async () => {
    const { webhooks } = setup();
    const observer = vi.fn();
    webhooks.on("contact.info", observer);
    webhooks.onContactInfo(() => ({ name: "Jane" }));
    expect((await webhooks.handle(webhookRequest(contactInfoExample))).status).toBe(200);
    expect(observer).toHaveBeenCalledWith(
      expect.objectContaining({ name: "contact.info", payload: contactInfoExample }),
    );
    webhooks.on("contact.info", () => {
      throw new Error("observer down");
    });
    expect((await webhooks.handle(webhookRequest(contactInfoExample))).status).toBe(500);
  });

  test("receive() resolves to the answer, and past the timeout to {}", async () => {
    const { webhooks } = setup({ contactInfoTimeoutMs: 20 });
    let slow = false;
    webhooks.onContactInfo(async () => {
      if (slow) await new Promise((resolve) => setTimeout(resolve, 200));
      return { profileId: "C1" };
    });
    await expect(webhooks.receive(contactInfoExample, { kind: "contactInfo" })).resolves.toEqual({
      profileId: "C1",
    });
    slow = true;
    await expect(webhooks.receive(contactInfoExample)).resolves.toEqual({});
  });

  test("receive() throws ContactInfoAnswerError for an invalid answer", async () => {
    const { webhooks } = setup();
    webhooks.onContactInfo(() => ({ mobile: 919988776655 }) as unknown as ContactInfoResponse);
    await expect(webhooks.receive(contactInfoExample)).rejects.toThrow(/mobile/);
  });

  test("an invalid contact-info request gets 400 with pointers", async () => {
    const { webhooks } = setup();
    const response = await webhooks.handle(
      webhookRequest({ contactId: null, profile: { name: ["x"] } }),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: "invalid_payload",
      errors: [
        { pointer: "/contactId", message: "must be string" },
        { pointer: "/profile/name", message: "must be string" },
      ],
    });
  });
});
