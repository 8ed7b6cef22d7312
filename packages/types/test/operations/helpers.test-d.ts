import { describe, expectTypeOf, test } from "vitest";
import type {
  ChatMessageListResponse,
  CloseSessionBody,
  CloseSessionResponse,
  ContactInfoRequestPayload,
  ContactInfoRequestResponse,
  ContactInfoUpdate,
  InBoundContact,
  InBoundEventListResponse,
  InBoundWrapper,
  ListChannelsQuery,
  ListChannelsResponse,
  ListGlobalVarsQuery,
  ListSessionMessagesBody,
  ListSessionMessagesResponse,
  MessageNotificationPayload,
  MsgChannelListResponse,
  OutBoundMsg,
  OutBoundReceiptResponse,
  paths,
  SendMessageBody,
  SendMessageResponse,
  SessionStatusClose,
  SetWebhookBody,
  webhooks,
} from "../../src/index.js";

type Json<T> = T extends { content: { "application/json": infer B } } ? B : never;

describe("per-operation helpers are the types of paths", () => {
  test("sendMessage", () => {
    type Op = paths["/api/v1/message/send"]["post"];
    expectTypeOf<SendMessageBody>().toEqualTypeOf<Json<Op["requestBody"]>>();
    expectTypeOf<SendMessageResponse>().toEqualTypeOf<Json<Op["responses"][200]>>();
    expectTypeOf<SendMessageBody>().toEqualTypeOf<OutBoundMsg>();
    expectTypeOf<SendMessageResponse>().toEqualTypeOf<OutBoundReceiptResponse>();
  });

  test("listChannels", () => {
    type Op = paths["/api/v1/config/channels"]["get"];
    expectTypeOf<ListChannelsQuery>().toEqualTypeOf<NonNullable<Op["parameters"]["query"]>>();
    expectTypeOf<ListChannelsResponse>().toEqualTypeOf<MsgChannelListResponse>();
    expectTypeOf<ListChannelsQuery>().toEqualTypeOf<{ sabdnox?: boolean }>();
  });

  test("listGlobalVars", () => {
    expectTypeOf<ListGlobalVarsQuery>().toEqualTypeOf<{ channelId?: string }>();
  });

  test("session operations share SessionStatusClose", () => {
    type Close = paths["/api/v1/session/close"]["post"];
    expectTypeOf<CloseSessionBody>().toEqualTypeOf<Json<Close["requestBody"]>>();
    expectTypeOf<CloseSessionBody>().toEqualTypeOf<SessionStatusClose>();
    expectTypeOf<CloseSessionResponse>().toEqualTypeOf<InBoundEventListResponse>();
    expectTypeOf<ListSessionMessagesBody>().toEqualTypeOf<SessionStatusClose>();
    expectTypeOf<ListSessionMessagesResponse>().toEqualTypeOf<ChatMessageListResponse>();
  });

  test("an operation without query parameters has no Query helper", () => {
    expectTypeOf<SetWebhookBody>().toEqualTypeOf<{ url: string }>();
    // @ts-expect-error sendMessage has no query parameters
    type _ = import("../../src/index.js").SendMessageQuery;
  });
});

describe("webhook helpers are the types of webhooks", () => {
  test("messageNotification delivers an InBoundWrapper", () => {
    expectTypeOf<MessageNotificationPayload>().toEqualTypeOf<
      Json<webhooks["messageNotification"]["post"]["requestBody"]>
    >();
    expectTypeOf<MessageNotificationPayload>().toEqualTypeOf<InBoundWrapper>();
  });

  test("contactInfoRequest delivers an InBoundContact and expects a ContactInfoUpdate", () => {
    expectTypeOf<ContactInfoRequestPayload>().toEqualTypeOf<InBoundContact>();
    expectTypeOf<ContactInfoRequestResponse>().toEqualTypeOf<ContactInfoUpdate>();
  });
});
