import { assertType, describe, expectTypeOf, test } from "vitest";
import type {
  InBoundImageMsg,
  InBoundMsg,
  OutBoundContact,
  OutBoundImageMsg,
  OutBoundMsg,
  OutBoundTextMsg,
  SendMessageBody,
} from "../../src/index.js";

describe("OutBoundMsg (oneOf + discriminator on type)", () => {
  test("accepts a text message", () => {
    assertType<OutBoundMsg>({
      channelId: "wa360:918828218374",
      to: { phone: "919988776655" },
      type: "text",
      text: { body: "Your order has shipped." },
    });
  });

  test("accepts an image message with its image", () => {
    assertType<OutBoundMsg>({
      channelId: "wa360:918828218374",
      to: { phone: "919988776655" },
      type: "image",
      image: { link: "https://client.service.com/docs/media/12.png", caption: "Receipt" },
    });
  });

  test("rejects an image message without image", () => {
    // @ts-expect-error an `image` message requires `image`
    assertType<OutBoundMsg>({ channelId: "c", to: { phone: "1" }, type: "image" });
  });

  test("rejects an image message that carries text instead", () => {
    assertType<OutBoundMsg>({
      channelId: "c",
      to: { phone: "1" },
      type: "image",
      // @ts-expect-error `text` is not a property of an image message
      text: { body: "hi" },
    });
  });

  test("rejects a type that is not a message type", () => {
    // @ts-expect-error "sticker" is not an OutBoundMsgType
    assertType<OutBoundMsg>({ channelId: "c", to: { phone: "1" }, type: "sticker" });
  });

  test("narrows on type", () => {
    const narrow = (msg: OutBoundMsg) => {
      if (msg.type === "image") expectTypeOf(msg).toEqualTypeOf<OutBoundImageMsg>();
      if (msg.type === "text") expectTypeOf(msg.text.body).toEqualTypeOf<string>();
    };
    expectTypeOf(narrow).toBeFunction();
  });

  test("is the body of sendMessage", () => {
    expectTypeOf<SendMessageBody>().toEqualTypeOf<OutBoundMsg>();
    expectTypeOf<OutBoundTextMsg["type"]>().toEqualTypeOf<"text">();
  });
});

describe("InBoundMsg (oneOf + discriminator on type)", () => {
  test("an image message has a required image", () => {
    expectTypeOf<InBoundImageMsg["image"]>().not.toBeUndefined();
    // @ts-expect-error an inbound `image` message requires `image`
    assertType<InBoundMsg>({ id: "1", type: "image" });
  });

  test("narrows on type", () => {
    const narrow = (msg: InBoundMsg) => {
      if (msg.type === "image") expectTypeOf(msg).toEqualTypeOf<InBoundImageMsg>();
    };
    expectTypeOf(narrow).toBeFunction();
  });
});

describe("a send must name its recipient and its template", () => {
  const base = { channelId: "wa360:918828218374", type: "text", text: { body: "Hi" } } as const;

  test("to names one of contactId, phone or email", () => {
    assertType<OutBoundMsg>({ ...base, to: { contactId: "wa919988776655_918828218374" } });
    assertType<OutBoundMsg>({ ...base, to: { phone: "919988776655", name: "John" } });
    assertType<OutBoundMsg>({ ...base, to: { email: "john@example.com" } });
  });

  test("to: {} does not compile", () => {
    // @ts-expect-error no contactId, phone or email
    assertType<OutBoundMsg>({ ...base, to: {} });
  });

  test("to: { name } alone does not compile", () => {
    // @ts-expect-error a name alone names no one
    assertType<OutBoundMsg>({ ...base, to: { name: "John" } });
  });

  test("the hover of OutBoundContact is a union of plain objects, one per required field", () => {
    expectTypeOf<OutBoundContact>().toEqualTypeOf<
      | { contactId: string; email?: string; name?: string; phone?: string }
      | { contactId?: string; email?: string; name?: string; phone: string }
      | { contactId?: string; email: string; name?: string; phone?: string }
    >();
  });

  const to = { phone: "919988776655" };
  test("a template names code or id", () => {
    assertType<OutBoundMsg>({
      channelId: "c",
      to,
      type: "template",
      template: { code: "FEEDBACK" },
    });
    assertType<OutBoundMsg>({ channelId: "c", to, type: "template", template: { id: "60d2" } });
  });

  test("template: {} (or lang alone) does not compile", () => {
    // @ts-expect-error no code or id
    assertType<OutBoundMsg>({ channelId: "c", to, type: "template", template: {} });
    // @ts-expect-error lang alone names no template
    assertType<OutBoundMsg>({ channelId: "c", to, type: "template", template: { lang: "en_US" } });
  });

  test("optin and optout carry no payload object", () => {
    assertType<OutBoundMsg>({ channelId: "c", to, type: "optin" });
    assertType<OutBoundMsg>({ channelId: "c", to, type: "optout" });
  });
});
