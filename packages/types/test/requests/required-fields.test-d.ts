import { assertType, describe, test } from "vitest";
import type {
  ListChannelsQuery,
  ListTemplatesQuery,
  OutBoundMsgBase,
  RouteSessionBody,
  SendMessageBody,
  SessionStatusClose,
} from "../../src/index.js";

describe("request bodies", () => {
  test("SendMessageBody requires to", () => {
    // @ts-expect-error `to` is required
    assertType<SendMessageBody>({ channelId: "c", type: "text", text: { body: "hi" } });
  });

  test("SendMessageBody requires channelId", () => {
    // @ts-expect-error `channelId` is required
    assertType<SendMessageBody>({ to: { phone: "1" }, type: "text", text: { body: "hi" } });
  });

  test("SendMessageBody leaves mask and options optional (mask has a default)", () => {
    assertType<SendMessageBody>({
      channelId: "c",
      to: { phone: "1" },
      type: "text",
      text: { body: "hi" },
    });
    assertType<OutBoundMsgBase>({ channelId: "c", to: { email: "a@b.c" }, mask: true });
  });

  test("SessionStatusClose requires sessionId", () => {
    assertType<SessionStatusClose>({ sessionId: "61f3810a02e14c0877fc1a32" });
    // @ts-expect-error `sessionId` is required
    assertType<SessionStatusClose>({});
  });

  test("RouteSessionBody requires sessionId and queue, not agent, team, skills or params", () => {
    assertType<RouteSessionBody>({ sessionId: "s", queue: "bot" });
    // @ts-expect-error `queue` is required
    assertType<RouteSessionBody>({ sessionId: "s" });
  });
});

describe("query parameters", () => {
  test("every query parameter of this API is optional", () => {
    assertType<ListChannelsQuery>({});
    assertType<ListChannelsQuery>({ sabdnox: true });
    assertType<ListTemplatesQuery>({ channelId: "wa360:1", channelStatus: "APPROVED" });
  });

  test("query parameters keep their types", () => {
    // @ts-expect-error `sabdnox` is a boolean
    assertType<ListChannelsQuery>({ sabdnox: "true" });
  });
});
