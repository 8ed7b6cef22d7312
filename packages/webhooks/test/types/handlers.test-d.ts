import { assertType, describe, expectTypeOf, test } from "vitest";
import {
  createWebhooks,
  type AnyEvent,
  type WebhookEventName,
  type ContactInfoResponse,
  type MessageNotificationPayload,
  type NotificationContact,
  type NotificationMeta,
  type UnlistedMessage,
  type UnlistedStatus,
  type WebhookError,
  type WebhookEventMap,
  type WebhookPayload,
} from "../../src/index.js";

const webhooks = createWebhooks({ verifyToken: "t" });

describe("handler types", () => {
  test("on('status.READ') narrows payload.status to 'READ'", () => {
    webhooks.on("status.READ", ({ name, payload }) => {
      expectTypeOf(name).toEqualTypeOf<"status.READ">();
      expectTypeOf(payload.status).toEqualTypeOf<"READ">();
      expectTypeOf(payload.id).toEqualTypeOf<string>();
    });
  });

  test("on('status') gets exactly the listed statuses, so `status === \"FAILD\"` narrows", () => {
    webhooks.on("status", ({ payload }) => {
      expectTypeOf(payload).toEqualTypeOf<WebhookEventMap["status"]>();
      expectTypeOf(payload.status).toEqualTypeOf<"READ" | "DLVRD" | "SENT" | "FAILD" | "DELTD">();
      if (payload.status === "FAILD") {
        expectTypeOf(payload.status).toEqualTypeOf<"FAILD">();
        expectTypeOf(payload.errors).toEqualTypeOf<WebhookEventMap["status.FAILD"]["errors"]>();
      }
      // The spec's code is FAILD (as the reference spells it): a guess is a compile error.
      // @ts-expect-error: "FAILED" is not a status the spec lists
      assertType<boolean>(payload.status === "FAILED");
    });
  });

  test("on('message') gets exactly the listed messages, so `type === \"text\"` narrows to the text message", () => {
    webhooks.on("message", ({ payload }) => {
      expectTypeOf(payload).toEqualTypeOf<WebhookEventMap["message"]>();
      expectTypeOf(payload.id).toEqualTypeOf<string>();
      expectTypeOf(payload.type).toEqualTypeOf<WebhookEventMap["message"]["type"]>();
      if (payload.type === "text") {
        expectTypeOf(payload).toEqualTypeOf<WebhookEventMap["message.text"]>();
        expectTypeOf(payload.text.body).toEqualTypeOf<string>();
      } else {
        // @ts-expect-error: `text` may be absent on any other type
        assertType<string>(payload.text.body);
      }
      if (payload.type === "image")
        expectTypeOf(payload.image.link).toEqualTypeOf<string | undefined>();
    });
  });

  test("on('message.unlisted') and on('status.unlisted') get the items the spec does not list", () => {
    webhooks.on("message.unlisted", ({ name, payload }) => {
      expectTypeOf(name).toEqualTypeOf<"message.unlisted">();
      expectTypeOf(payload).toEqualTypeOf<UnlistedMessage>();
      expectTypeOf(payload.type).toEqualTypeOf<string & {}>();
      assertType<boolean>(payload.type === "sticker");
      // Which fields an unlisted message has is not known: the per-type objects are optional.
      // @ts-expect-error: `text` may be absent
      assertType<string>(payload.text.body);
    });
    webhooks.on("status.unlisted", ({ payload }) => {
      expectTypeOf(payload).toEqualTypeOf<UnlistedStatus>();
      assertType<boolean>(payload.status === "PENDING");
    });
  });

  test("an UnlistedMessage has the fields every message shares, the per-type ones optional", () => {
    expectTypeOf<UnlistedMessage["id"]>().toEqualTypeOf<string>();
    expectTypeOf<UnlistedMessage["text"]>().toEqualTypeOf<
      WebhookEventMap["message.text"]["text"] | undefined
    >();
    expectTypeOf<UnlistedMessage["image"]>().toEqualTypeOf<
      WebhookEventMap["message.image"]["image"] | undefined
    >();
    expectTypeOf<UnlistedMessage["timestamp"]>().toEqualTypeOf<number | undefined>();
    assertType<UnlistedMessage>({ id: "1", type: "sticker" });
    // @ts-expect-error: `id` is required
    assertType<UnlistedMessage>({ type: "sticker" });
    expectTypeOf<UnlistedStatus["status"]>().toEqualTypeOf<string & {}>();
    expectTypeOf<UnlistedStatus["errors"]>().toEqualTypeOf<WebhookEventMap["status"]["errors"]>();
  });

  test("onAny also gets items of lists the spec does not know, as unknown.<list>", () => {
    webhooks.onAny((event) => {
      expectTypeOf(event).toEqualTypeOf<AnyEvent>();
      expectTypeOf(event.name).toEqualTypeOf<WebhookEventName | `unknown.${string}`>();
      if (event.name === "unknown.reactions") expectTypeOf(event.payload).toEqualTypeOf<unknown>();
      expectTypeOf(event.notification).toEqualTypeOf<MessageNotificationPayload | undefined>();
    });
  });

  test("WebhookPayload is exactly the map's type, `message` and `status` included", () => {
    expectTypeOf<WebhookPayload<"message">>().toEqualTypeOf<WebhookEventMap["message"]>();
    expectTypeOf<WebhookPayload<"status">>().toEqualTypeOf<WebhookEventMap["status"]>();
    expectTypeOf<WebhookPayload<"message.text">>().toEqualTypeOf<WebhookEventMap["message.text"]>();
    expectTypeOf<WebhookPayload<"status.READ">>().toEqualTypeOf<WebhookEventMap["status.READ"]>();
    expectTypeOf<WebhookPayload<"event">>().toEqualTypeOf<WebhookEventMap["event"]>();
    expectTypeOf<WebhookPayload<"action">>().toEqualTypeOf<WebhookEventMap["action"]>();
  });

  test("on('message.text') gets a text message with its text", () => {
    webhooks.on("message.text", ({ payload, meta, contact, notification }) => {
      expectTypeOf(payload).toEqualTypeOf<WebhookEventMap["message.text"]>();
      expectTypeOf(payload.text.body).toEqualTypeOf<string>();
      expectTypeOf(meta).toEqualTypeOf<NotificationMeta | undefined>();
      expectTypeOf(contact).toEqualTypeOf<NotificationContact | undefined>();
      expectTypeOf(notification).toEqualTypeOf<MessageNotificationPayload>();
    });
  });

  test("on('event.SESSION_ROUTED') narrows eventCode", () => {
    webhooks.on("event.SESSION_ROUTED", ({ payload }) => {
      expectTypeOf(payload.eventCode).toEqualTypeOf<"SESSION_ROUTED">();
    });
  });

  test("on() with a list gets a union narrowed by name", () => {
    webhooks.on(["status.READ", "message.image"], (event) => {
      if (event.name === "status.READ") expectTypeOf(event.payload.status).toEqualTypeOf<"READ">();
      else expectTypeOf(event.payload.type).toEqualTypeOf<"image">();
    });
  });

  test("on('contact.info') gets the request, with no notification", () => {
    webhooks.on("contact.info", ({ payload, notification, meta }) => {
      expectTypeOf(payload.contactId).toEqualTypeOf<string>();
      expectTypeOf(notification).toEqualTypeOf<undefined>();
      expectTypeOf(meta).toEqualTypeOf<undefined>();
    });
  });

  test("an unknown event name is a compile error", () => {
    // @ts-expect-error: "status.DELIVERED" is not an event name
    webhooks.on("status.DELIVERED", () => {});
    // @ts-expect-error: "messages" is not an event name
    webhooks.on(["message", "messages"], () => {});
  });

  test("a handler of one event can not read another event's fields", () => {
    webhooks.on("status.READ", ({ payload }) => {
      // @ts-expect-error: a status has no text
      assertType(payload.text);
    });
  });

  test("onError() gets a WebhookError", () => {
    webhooks.onError((error) => {
      expectTypeOf(error).toEqualTypeOf<WebhookError>();
    });
  });
});

describe("onContactInfo types", () => {
  test("the handler returns a ContactInfoResponse, sync or async", () => {
    webhooks.onContactInfo(({ payload }) => ({ profileId: payload.contactId }));
    webhooks.onContactInfo(async () => ({
      name: "Jane",
      labels: [{ key: "TIER", value: "gold" }],
    }));
    webhooks.onContactInfo(() => ({}));
  });

  test("returning a wrong shape is a compile error", () => {
    // @ts-expect-error: name must be a string
    webhooks.onContactInfo(() => ({ name: 42 }));
    // @ts-expect-error: not a ContactInfoUpdate field at all
    webhooks.onContactInfo(async () => ({ nickname: "J" }));
    // @ts-expect-error: a label needs a value
    webhooks.onContactInfo(() => ({ labels: [{ key: "TIER" }] }));
    // @ts-expect-error: the answer is an object, not a string
    webhooks.onContactInfo(() => "Jane");
  });

  test("receive() of a contact-info request resolves to the answer type", () => {
    expectTypeOf(webhooks.receive({}, { kind: "contactInfo" })).toEqualTypeOf<
      Promise<ContactInfoResponse>
    >();
    expectTypeOf(webhooks.receive({}, { kind: "notification" })).toEqualTypeOf<
      Promise<undefined>
    >();
  });
});

describe("options types", () => {
  test("validate takes strict, lenient or false only", () => {
    createWebhooks({ verifyToken: "t", validate: "strict" });
    createWebhooks({ verifyToken: ["a", "b"], validate: false });
    // @ts-expect-error: not a mode
    createWebhooks({ verifyToken: "t", validate: "loose" });
    // @ts-expect-error: verifyToken is required
    createWebhooks({});
  });
});
