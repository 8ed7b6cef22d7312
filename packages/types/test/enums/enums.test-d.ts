import { describe, expectTypeOf, test } from "vitest";
import {
  contactTypes,
  inBoundEventCodes,
  inBoundMsgStatusCodes,
  inBoundMsgTypes,
  outboxMessageStatuses,
  outBoundMsgTypes,
  type ContactType,
  type InBoundEventCode,
  type InBoundMsgStatusCode,
  type InBoundMsgType,
  type OutboxMessageStatus,
  type OutBoundMsgType,
} from "../../src/index.js";

describe("enums are unions of string literals", () => {
  test("ContactType", () => {
    expectTypeOf<ContactType>().toEqualTypeOf<
      | "SMS"
      | "OA"
      | "EMAIL"
      | "WHATSAPP"
      | "PUSH"
      | "FACEBOOK"
      | "TELEGRAM"
      | "WEBSITE"
      | "TWITTER"
      | "INSTAGRAM"
      | "DUMMY"
      | "EMPTY"
    >();
  });

  test("InBoundMsgStatusCode", () => {
    expectTypeOf<InBoundMsgStatusCode>().toEqualTypeOf<
      "READ" | "DLVRD" | "SENT" | "FAILD" | "DELTD"
    >();
  });

  test("OutBoundMsgType, optin and optout included (reference lines 6377-6378)", () => {
    expectTypeOf<OutBoundMsgType>().toEqualTypeOf<
      | "text"
      | "image"
      | "video"
      | "audio"
      | "document"
      | "location"
      | "contacts"
      | "template"
      | "optin"
      | "optout"
    >();
  });
});

describe("InBoundEventCode is an open enum", () => {
  test("accepts the known codes and any other string", () => {
    expectTypeOf<"SESSION_ROUTED">().toExtend<InBoundEventCode>();
    expectTypeOf<"SOMETHING_NEW">().toExtend<InBoundEventCode>();
  });

  test("keeps its evidenced code instead of collapsing to string", () => {
    expectTypeOf<InBoundEventCode>().not.toEqualTypeOf<string>();
    expectTypeOf<InBoundEventCode>().toEqualTypeOf<"SESSION_ROUTED" | (string & {})>();
  });

  test("inferred codes (SESSION_CLOSED, ...) are accepted as any string, not listed", () => {
    expectTypeOf<"SESSION_CLOSED">().toExtend<InBoundEventCode>();
  });
});

describe("the as-const value lists hold every value of their enum", () => {
  test("each list's element type is its enum (closed enums)", () => {
    expectTypeOf<(typeof contactTypes)[number]>().toEqualTypeOf<ContactType>();
    expectTypeOf<(typeof outBoundMsgTypes)[number]>().toEqualTypeOf<OutBoundMsgType>();
    expectTypeOf<(typeof inBoundMsgTypes)[number]>().toEqualTypeOf<InBoundMsgType>();
    expectTypeOf<(typeof inBoundMsgStatusCodes)[number]>().toEqualTypeOf<InBoundMsgStatusCode>();
    expectTypeOf<(typeof outboxMessageStatuses)[number]>().toEqualTypeOf<OutboxMessageStatus>();
  });

  test("inBoundEventCodes lists only the code the reference shows", () => {
    expectTypeOf<(typeof inBoundEventCodes)[number]>().toEqualTypeOf<"SESSION_ROUTED">();
  });

  test("the lists are readonly tuples", () => {
    expectTypeOf(contactTypes).toEqualTypeOf<
      readonly [
        "SMS",
        "OA",
        "EMAIL",
        "WHATSAPP",
        "PUSH",
        "FACEBOOK",
        "TELEGRAM",
        "WEBSITE",
        "TWITTER",
        "INSTAGRAM",
        "DUMMY",
        "EMPTY",
      ]
    >();
  });
});
