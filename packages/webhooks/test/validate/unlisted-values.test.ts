// A platform that starts sending a kind of message or a status the spec does not list yet must
// not have its deliveries refused by a lenient receiver (the default): they would be lost.
import { describe, expect, test } from "vitest";
import { messageNotificationExamples } from "../../src/generated/examples.js";
import { notificationLenient } from "../../src/generated/validators.js";
import { createWebhooks, webhookEventNames, type ValidationMode } from "../../src/index.js";
import { messageTypes, statusCodes } from "@mehery/xms-webhook-types";
import { validateBody } from "../../src/validate.js";
import { TOKEN, copy, textExample, webhookRequest } from "../helpers/requests.js";

type Body = Record<string, unknown>;

/** The text example with its message turned into a `sticker` (a type the spec does not list). */
function sticker(): Body {
  const body = copy(textExample) as Body;
  const message = (body["messages"] as Body[])[0]!;
  delete message["text"];
  message["type"] = "sticker";
  message["sticker"] = { id: "st-1", mime_type: "image/webp" };
  return body;
}

/** The status example with one status whose `status` the spec does not list. */
function pending(): Body {
  const body = copy(messageNotificationExamples.status) as Body;
  body["statuses"] = [{ ...(body["statuses"] as Body[])[0], status: "PENDING" }];
  return body;
}

function receiver(validate?: ValidationMode) {
  const webhooks = createWebhooks({ verifyToken: TOKEN, ...(validate ? { validate } : {}) });
  const calls: string[] = [];
  for (const name of webhookEventNames) webhooks.on(name, () => void calls.push(name));
  const any: string[] = [];
  webhooks.onAny((event) => void any.push(event.name));
  return { webhooks, calls, any };
}

describe("values the spec does not list, lenient (the default)", () => {
  test("handle() answers 200 to a message of an unlisted type and calls `message.unlisted` handlers once, and neither `message` nor a `message.<type>`", async () => {
    const { webhooks, calls, any } = receiver();
    const response = await webhooks.handle(webhookRequest(sticker()));
    expect(response.status).toBe(200);
    expect(calls).toEqual(["message.unlisted"]);
    expect(any).toEqual(["message.unlisted"]);
  });

  test("handle() answers 200 to a status of an unlisted value and calls `status.unlisted` handlers once, and neither `status` nor a `status.<status>`", async () => {
    const { webhooks, calls, any } = receiver("lenient");
    const response = await webhooks.handle(webhookRequest(pending()));
    expect(response.status).toBe(200);
    expect(calls).toEqual(["status.unlisted"]);
    expect(any).toEqual(["status.unlisted"]);
  });

  test("the `message.unlisted` handler gets the message as sent", async () => {
    const webhooks = createWebhooks({ verifyToken: TOKEN });
    const payloads: unknown[] = [];
    webhooks.on("message.unlisted", ({ payload }) => void payloads.push(payload));
    const body = sticker();
    await webhooks.receive(body);
    expect(payloads).toEqual(body["messages"]);
  });

  test("an unlisted message's shared fields are still checked: `id` required and a string, `text` an InBoundMsgText", () => {
    const body = sticker();
    const message = (body["messages"] as Body[])[0]!;
    message["id"] = { value: 42 };
    message["text"] = { body: null };
    expect(validateBody("lenient", "notification", body)).toEqual([
      { pointer: "/messages/0/id", message: "must be string" },
      { pointer: "/messages/0/text/body", message: "must be string" },
    ]);
    delete message["id"];
    delete message["text"];
    expect(validateBody("lenient", "notification", body)).toEqual([
      { pointer: "/messages/0/id", message: "is required" },
    ]);
  });

  test("a message `type` must still be a string, and a listed one still needs its own object", () => {
    const body = sticker();
    const message = (body["messages"] as Body[])[0]!;
    message["type"] = [7];
    expect(validateBody("lenient", "notification", body)).toEqual([
      { pointer: "/messages/0/type", message: "must be string" },
    ]);
    message["type"] = "text";
    expect(validateBody("lenient", "notification", body)).toEqual([
      { pointer: "/messages/0/text", message: "is required" },
    ]);
  });

  test("an unlisted status's other fields are still checked, and `status` must be a string", () => {
    const body = pending();
    const status = (body["statuses"] as Body[])[0]!;
    status["id"] = null;
    expect(validateBody("lenient", "notification", body)).toEqual([
      { pointer: "/statuses/0/id", message: "must be string" },
    ]);
    status["id"] = "s-1";
    status["status"] = {};
    expect(validateBody("lenient", "notification", body)).toEqual([
      { pointer: "/statuses/0/status", message: "must be string" },
    ]);
  });

  test("every listed type and status is still validated as its own variant", () => {
    // The lists come from the spec through @mehery/xms-webhook-types: the same the validator
    // was generated from.
    for (const type of messageTypes) {
      const body = copy(textExample) as Body;
      (body["messages"] as Body[])[0]!["type"] = type;
      expect(notificationLenient(body), type).toBe(type === "text" || type === "system");
    }
    for (const code of statusCodes) {
      const body = pending();
      (body["statuses"] as Body[])[0]!["status"] = code;
      expect(validateBody("lenient", "notification", body), code).toBeUndefined();
    }
  });
});

describe("values the spec does not list, strict", () => {
  test("handle() answers 400 to a message of an unlisted type, pointing at its type, and calls nothing", async () => {
    const { webhooks, calls } = receiver("strict");
    const response = await webhooks.handle(webhookRequest(sticker()));
    expect(response.status).toBe(400);
    const answer = (await response.json()) as { error: string; errors: { pointer: string }[] };
    expect(answer.error).toBe("invalid_payload");
    expect(answer.errors.map((issue) => issue.pointer)).toContain("/messages/0/type");
    expect(calls).toEqual([]);
  });

  test("handle() answers 400 to a status of an unlisted value, pointing at it, and calls nothing", async () => {
    const { webhooks, calls } = receiver("strict");
    const response = await webhooks.handle(webhookRequest(pending()));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: "invalid_payload",
      errors: [
        {
          pointer: "/statuses/0/status",
          message: `must be one of ${statusCodes.map((code) => JSON.stringify(code)).join(", ")}`,
        },
      ],
    });
    expect(calls).toEqual([]);
  });
});
