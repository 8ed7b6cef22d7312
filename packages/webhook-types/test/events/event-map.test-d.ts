import { assertType, describe, expectTypeOf, test } from "vitest";
import type {
  InBoundAction,
  InBoundContact,
  InBoundEvent,
  InBoundImageMsg,
  InBoundMsg,
  InBoundMsgStatus,
  InBoundMsgType,
  InBoundTextMsg,
} from "@mehery/xms-types";
import {
  eventCodes,
  messageTypes,
  notificationItemKinds,
  statusCodes,
  webhookEventNames,
  type WebhookEventMap,
  type WebhookEventName,
} from "../../src/index.js";

describe("WebhookEventMap", () => {
  test('"status.READ" is a status whose status is "READ"', () => {
    expectTypeOf<WebhookEventMap["status.READ"]["status"]>().toEqualTypeOf<"READ">();
    expectTypeOf<WebhookEventMap["status.READ"]>().toExtend<InBoundMsgStatus>();
  });

  test('"message.image" has a required image', () => {
    expectTypeOf<WebhookEventMap["message.image"]>().toEqualTypeOf<InBoundImageMsg>();
    expectTypeOf<WebhookEventMap["message.image"]["image"]>().not.toBeUndefined();
    // @ts-expect-error an image message without `image` is not a "message.image" payload
    assertType<WebhookEventMap["message.image"]>({ id: "1", type: "image" });
  });

  test('"message.text" is the text branch of InBoundMsg', () => {
    expectTypeOf<WebhookEventMap["message.text"]>().toEqualTypeOf<InBoundTextMsg>();
    expectTypeOf<WebhookEventMap["message.text"]["type"]>().toEqualTypeOf<"text">();
  });

  test("each message.<type> payload has that type", () => {
    type Types = { [T in InBoundMsgType]: WebhookEventMap[`message.${T}`]["type"] };
    expectTypeOf<Types>().toEqualTypeOf<{ [T in InBoundMsgType]: T }>();
  });

  test('"event.SESSION_ROUTED" is an event whose eventCode is "SESSION_ROUTED"', () => {
    expectTypeOf<
      WebhookEventMap["event.SESSION_ROUTED"]["eventCode"]
    >().toEqualTypeOf<"SESSION_ROUTED">();
  });

  test("a code the reference does not show (SESSION_CLOSED) has no event name of its own", () => {
    expectTypeOf<"event.SESSION_CLOSED">().not.toExtend<WebhookEventName>();
  });

  test("the kind events are the item schemas", () => {
    expectTypeOf<WebhookEventMap["message"]>().toEqualTypeOf<InBoundMsg>();
    expectTypeOf<WebhookEventMap["status"]>().toEqualTypeOf<InBoundMsgStatus>();
    expectTypeOf<WebhookEventMap["event"]>().toEqualTypeOf<InBoundEvent>();
    expectTypeOf<WebhookEventMap["action"]>().toEqualTypeOf<InBoundAction>();
    expectTypeOf<WebhookEventMap["contact.info"]>().toEqualTypeOf<InBoundContact>();
  });

  test('"message.unlisted" and "status.unlisted" have the shared fields and any string as type or status', () => {
    expectTypeOf<WebhookEventMap["message.unlisted"]["type"]>().toEqualTypeOf<string & {}>();
    expectTypeOf<WebhookEventMap["message.unlisted"]["id"]>().toEqualTypeOf<InBoundMsg["id"]>();
    expectTypeOf<WebhookEventMap["status.unlisted"]["status"]>().toEqualTypeOf<string & {}>();
    expectTypeOf<WebhookEventMap["status.unlisted"]["id"]>().toEqualTypeOf<
      InBoundMsgStatus["id"]
    >();
  });

  test("an event code (an open set) has no event.unlisted: any code reaches `event`", () => {
    expectTypeOf<"event.unlisted">().not.toExtend<WebhookEventName>();
  });

  test("an unknown event name is not a key", () => {
    // @ts-expect-error "message.sticker" is not an event
    type _ = WebhookEventMap["message.sticker"];
  });
});

describe("webhookEventNames", () => {
  test("lists every key of WebhookEventMap", () => {
    expectTypeOf<keyof WebhookEventMap>().toExtend<WebhookEventName>();
  });

  test("lists nothing that is not a key of WebhookEventMap", () => {
    expectTypeOf<WebhookEventName>().toExtend<keyof WebhookEventMap>();
    expectTypeOf<WebhookEventName>().toEqualTypeOf<keyof WebhookEventMap>();
  });

  test("is a readonly tuple of literals", () => {
    expectTypeOf(webhookEventNames[0]).toEqualTypeOf<"message">();
  });
});

describe("value lists", () => {
  test("messageTypes, statusCodes and eventCodes name the sub-events", () => {
    expectTypeOf<`message.${(typeof messageTypes)[number]}`>().toExtend<WebhookEventName>();
    expectTypeOf<`status.${(typeof statusCodes)[number]}`>().toExtend<WebhookEventName>();
    expectTypeOf<`event.${(typeof eventCodes)[number]}`>().toExtend<WebhookEventName>();
  });

  test("notificationItemKinds maps each kind to its array in the notification", () => {
    expectTypeOf(notificationItemKinds).toEqualTypeOf<{
      readonly message: "messages";
      readonly status: "statuses";
      readonly event: "events";
      readonly action: "actions";
    }>();
  });
});
