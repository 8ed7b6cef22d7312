// The webhooks target's golden validators for the mini spec (__golden__/mini-xms/webhooks) do what
// the strict and lenient rules say: this reads the very file targets.test.ts compares.
import { describe, expect, test } from "vitest";
import * as validators from "./__golden__/mini-xms/webhooks/src/generated/validators.js";

type Validator = ((data: unknown) => boolean) & { errors?: { instancePath: string }[] | null };
const { notificationStrict, notificationLenient } = validators as Record<string, Validator>;

const text = { id: "m-1", type: "text", text: "Hi" };

describe("the mini spec's notification validators", () => {
  test("both accept a text message", () => {
    expect(notificationStrict!({ messages: [text] })).toBe(true);
    expect(notificationLenient!({ messages: [text] })).toBe(true);
  });

  test("strict refuses an unknown field; lenient lets it through", () => {
    const body = { messages: [{ ...text, extra: 1 }] };
    expect(notificationStrict!(body)).toBe(false);
    expect(notificationLenient!(body)).toBe(true);
  });

  test("an unknown message type: strict refuses it, lenient checks it against the shared base", () => {
    expect(notificationStrict!({ messages: [{ id: "m-2", type: "video" }] })).toBe(false);
    expect(notificationLenient!({ messages: [{ id: "m-2", type: "video" }] })).toBe(true);
    expect(notificationLenient!({ messages: [{ type: "video" }] })).toBe(false);
    expect(notificationLenient!.errors?.[0]?.instancePath).toBe("/messages/0");
  });

  test("lenient converts a lossless number to the declared string, in place", () => {
    const body = { messages: [{ ...text, id: 1234567 }] };
    expect(notificationLenient!(body)).toBe(true);
    expect(body.messages[0]!.id).toBe("1234567");
    expect(notificationStrict!({ messages: [{ ...text, id: 1234567 }] })).toBe(false);
  });
});
