import { describe, expect, test } from "vitest";
import {
  contactInfoRequestLenient,
  contactInfoRequestStrict,
  contactInfoResponseLenient,
  contactInfoResponseStrict,
  notificationLenient,
  notificationStrict,
} from "../../src/generated/validators.js";
import {
  contactInfoRequestExamples,
  contactInfoRequestResponseExamples,
  messageNotificationExamples,
} from "../../src/generated/examples.js";
import { createWebhooks, WebhookPayloadError } from "../../src/index.js";
import { validateBody } from "../../src/validate.js";
import { TOKEN, copy, textExample } from "../helpers/requests.js";

type Body = Record<string, unknown>;
const firstMessage = (body: Body) => (body["messages"] as Body[])[0]!;

describe("the generated validators", () => {
  test.each(Object.entries(messageNotificationExamples))(
    "accept the spec's %s notification example, strict and lenient",
    (_, example) => {
      expect(notificationStrict(example), JSON.stringify(notificationStrict.errors)).toBe(true);
      expect(notificationLenient(example)).toBe(true);
    },
  );

  test("accept the spec's contact-info request and answer examples, strict and lenient", () => {
    expect(contactInfoRequestStrict(contactInfoRequestExamples.default)).toBe(true);
    expect(contactInfoRequestLenient(contactInfoRequestExamples.default)).toBe(true);
    expect(contactInfoResponseStrict(contactInfoRequestResponseExamples.default)).toBe(true);
    expect(contactInfoResponseLenient(contactInfoRequestResponseExamples.default)).toBe(true);
    expect(contactInfoResponseStrict({})).toBe(true);
  });
});

describe("validation modes", () => {
  const withUnknown = (): Body => {
    const body = copy(textExample) as Body;
    body["extra"] = 1;
    firstMessage(body)["reaction"] = "thumbs-up";
    (firstMessage(body)["text"] as Body)["preview_url"] = true;
    return body;
  };

  test("lenient accepts unknown fields at every level", () => {
    expect(validateBody("lenient", "notification", withUnknown())).toBeUndefined();
  });

  test("strict rejects unknown fields at every level, pointing at each", () => {
    expect(validateBody("strict", "notification", withUnknown())).toEqual([
      { pointer: "/messages/0/text/preview_url", message: "is not a known field" },
      { pointer: "/messages/0/reaction", message: "is not a known field" },
      { pointer: "/extra", message: "is not a known field" },
    ]);
  });

  test("strict still accepts every field a message variant adds through allOf", () => {
    // `type` and `text` come from InBoundTextMsg's own part, the rest from InBoundMsgBase:
    // unevaluatedProperties must see both.
    expect(validateBody("strict", "notification", copy(textExample))).toBeUndefined();
  });

  test("strict keeps free-form maps open (additionalProperties: true)", () => {
    const body = copy(messageNotificationExamples.event) as Body;
    const event = (body["events"] as Body[])[0]!;
    (event["sessionRouted"] as Body)["params"] = { anything: { goes: [1, 2] } };
    expect(validateBody("strict", "notification", body)).toBeUndefined();
  });

  test("strict rejects own __proto__ and constructor keys as unknown fields", () => {
    const body = JSON.parse('{"type":"message","__proto__":{"x":1},"constructor":{"y":2}}');
    expect(validateBody("strict", "notification", body)?.map((issue) => issue.pointer)).toEqual([
      "/__proto__",
      "/constructor",
    ]);
  });

  test("both modes accept an absent optional field and reject a wrong type on a known one; only strict rejects an unlisted enum value", () => {
    const body = copy(textExample) as Body;
    delete firstMessage(body)["session"];
    delete body["meta"];
    expect(validateBody("strict", "notification", body)).toBeUndefined();
    (body["contacts"] as Body[])[0]!["contactType"] = "CARRIER_PIGEON";
    firstMessage(body)["timestamp"] = 1.5;
    expect(validateBody("strict", "notification", body)?.map((issue) => issue.pointer)).toEqual([
      "/contacts/0/contactType",
      "/messages/0/timestamp",
    ]);
    expect(validateBody("lenient", "notification", body)?.map((issue) => issue.pointer)).toEqual([
      "/messages/0/timestamp",
    ]);
  });

  test("strict gives a message of an unlisted type one error, on its type", () => {
    const body = copy(textExample) as Body;
    firstMessage(body)["type"] = "sticker";
    expect(validateBody("strict", "notification", body)).toEqual([
      {
        pointer: "/messages/0/type",
        message:
          'must be one of "text", "image", "video", "audio", "voice", "document", "location", "system"',
      },
    ]);
  });

  test("an event code outside the known ones passes (the set is open); a non-string that does not convert fails", () => {
    const body = copy(messageNotificationExamples.event) as Body;
    const event = (body["events"] as Body[])[0]!;
    event["eventCode"] = "SESSION_SNOOZED";
    expect(validateBody("strict", "notification", body)).toBeUndefined();
    event["eventCode"] = [7];
    expect(validateBody("lenient", "notification", body)).toEqual([
      { pointer: "/events/0/eventCode", message: "must be string" },
    ]);
  });

  test("validate: false checks only that the body is an object", () => {
    expect(validateBody(false, "notification", { messages: "not a list" })).toBeUndefined();
    expect(validateBody(false, "notification", [])).toEqual([
      { pointer: "", message: "must be an object" },
    ]);
  });

  test("pointers escape ~ and / in field names (RFC 6901)", () => {
    const body = copy(textExample) as Body;
    body["a/b~c"] = 1;
    expect(validateBody("strict", "notification", body)).toEqual([
      { pointer: "/a~1b~0c", message: "is not a known field" },
    ]);
  });

  test("receive() throws a WebhookPayloadError listing the pointers", async () => {
    const webhooks = createWebhooks({ verifyToken: TOKEN, validate: "strict" });
    const body = copy(textExample) as Body;
    body["surprise"] = true;
    const error = await webhooks.receive(body).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebhookPayloadError);
    expect((error as WebhookPayloadError).kind).toBe("notification");
    expect((error as WebhookPayloadError).errors).toEqual([
      { pointer: "/surprise", message: "is not a known field" },
    ]);
  });

  test("a validate: false receiver skips items that are not objects, without crashing, and names the rest", async () => {
    const webhooks = createWebhooks({ verifyToken: TOKEN, validate: false });
    const names: string[] = [];
    webhooks.onAny((event) => void names.push(event.name));
    await webhooks.receive({
      messages: [null, 5, { id: "1", type: "sticker" }, { id: "2", type: "text" }],
      statuses: "nope",
      events: [{ eventCode: "SESSION_SNOOZED" }],
    });
    expect(names).toEqual(["message.unlisted", "message.text", "event"]);
  });
});
