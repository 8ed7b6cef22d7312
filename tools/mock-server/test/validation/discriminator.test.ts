import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startMockServer, type MockServer } from "../../src/index.js";
import { post } from "../helpers/http.js";

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer();
});
afterAll(() => mock.close());

const sendMessage = () => `${mock.url}/api/v1/message/send`;
const fields = (body: { errors: { field: string; code: string }[] }) =>
  body.errors.map(({ field, code }) => ({ field, code }));

describe("sendMessage: the discriminator `type` selects the branch whose errors are reported", () => {
  test("an image message without `image` is a 400 naming body.image only", async () => {
    const answer = await post(sendMessage(), {
      channelId: "x",
      to: { phone: "1" },
      type: "image",
    });
    expect(answer.status).toBe(400);
    expect(fields(answer.body)).toEqual([{ field: "body.image", code: "required" }]);
  });

  test("the same message with `image` is accepted", async () => {
    const answer = await post(sendMessage(), {
      channelId: "x",
      to: { phone: "1" },
      type: "image",
      image: { link: "https://example.com/a.png" },
    });
    expect(answer.status).toBe(200);
  });

  test("an error in the fields every message shares is reported under the selected branch", async () => {
    const answer = await post(sendMessage(), {
      channelId: "x",
      type: "image",
      image: {},
    });
    expect(fields(answer.body)).toEqual([
      { field: "body.to", code: "required" },
      { field: "body.image.link", code: "required" },
    ]);
  });

  test("an unknown type is one enum error listing the types of the mapping", async () => {
    const answer = await post(sendMessage(), {
      channelId: "x",
      to: { phone: "1" },
      type: "sticker",
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([
      expect.objectContaining({
        field: "body.type",
        code: "enum",
        possibleValues: [
          "text",
          "image",
          "video",
          "audio",
          "document",
          "location",
          "contacts",
          "template",
          "optin",
          "optout",
        ],
      }),
    ]);
  });

  test("a missing type is required, and what every branch rejects is reported with it", async () => {
    const answer = await post(sendMessage(), { channelId: 5, to: {} });
    expect(fields(answer.body)).toEqual([
      { field: "body.type", code: "required" },
      { field: "body.channelId", code: "type" },
      { field: "body.to", code: "required" },
    ]);
  });

  test("a recipient with a name only is one error naming contactId, phone and email", async () => {
    const answer = await post(sendMessage(), {
      channelId: "x",
      to: { name: "John" },
      type: "text",
      text: { body: "Hi" },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([
      expect.objectContaining({
        field: "body.to",
        code: "required",
        possibleValues: ["contactId", "phone", "email"],
      }),
    ]);
  });

  test("a template that names neither code nor id is refused", async () => {
    const answer = await post(sendMessage(), {
      channelId: "x",
      to: { phone: "1" },
      type: "template",
      template: { lang: "en_US" },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([
      expect.objectContaining({
        field: "body.template",
        code: "required",
        possibleValues: ["code", "id"],
      }),
    ]);
  });

  test("optin and optout need no payload object", async () => {
    for (const type of ["optin", "optout"]) {
      const answer = await post(sendMessage(), { channelId: "x", to: { phone: "1" }, type });
      expect(answer.status, type).toBe(200);
    }
  });

  test("errors deep in an array of the selected branch name the item", async () => {
    const answer = await post(sendMessage(), {
      channelId: "x",
      to: { phone: "1" },
      type: "contacts",
      contacts: [{ name: {} }],
    });
    expect(fields(answer.body)).toEqual([
      { field: "body.contacts[0].name.formatted_name", code: "required" },
    ]);
  });

  test("a text body of the wrong type is a type error on body.text.body", async () => {
    const answer = await post(sendMessage(), {
      channelId: "x",
      to: { contactId: "c" },
      type: "text",
      text: { body: 42 },
    });
    expect(fields(answer.body)).toEqual([{ field: "body.text.body", code: "type" }]);
  });
});
