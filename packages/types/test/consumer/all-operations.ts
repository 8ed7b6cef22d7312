// A consumer of @mehery/xms-types that touches every operation of the API (through `paths` and
// through the per-operation helpers) and both webhooks. `pnpm typecheck` compiles it with
// `tsc -p test/consumer`; it is never run. If a spec change renames or reshapes an operation,
// this file stops compiling.
import type {
  ClientApp,
  CloseSessionBody,
  CloseSessionResponse,
  ContactInfoRequestPayload,
  ContactInfoRequestResponse,
  HSMTemplateDoc,
  InBoundEvent,
  ListChannelsQuery,
  ListChannelsResponse,
  ListGlobalVarsQuery,
  ListGlobalVarsResponse,
  ListSessionMessagesBody,
  ListSessionMessagesResponse,
  ListTemplatesQuery,
  ListTemplatesResponse,
  MessageNotificationPayload,
  MsgChannel,
  paths,
  PushCustomerDataBody,
  PushCustomerDataResponse,
  PushCustomerEventBody,
  PushCustomerEventResponse,
  ResolveSessionBody,
  ResolveSessionResponse,
  RouteSessionBody,
  RouteSessionResponse,
  SendMessageBody,
  SendMessageResponse,
  SetWebhookBody,
  SetWebhookResponse,
  UpdateContactLanguageBody,
  UpdateContactLanguageResponse,
} from "../../src/index.js";

type Json<T> = T extends { content: { "application/json": infer B } } ? B : never;
type Body<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  requestBody: infer R;
}
  ? Json<R>
  : never;
type Ok<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  responses: { 200: infer R };
}
  ? Json<R>
  : never;

// --- Configuration -------------------------------------------------------------------------

export function listChannels(query: ListChannelsQuery, res: ListChannelsResponse): MsgChannel[] {
  const viaPaths: Ok<"/api/v1/config/channels", "get"> = res;
  const sandbox: boolean | undefined = query.sabdnox;
  return sandbox ? [] : (viaPaths.results ?? []);
}

export function listGlobalVars(query: ListGlobalVarsQuery, res: ListGlobalVarsResponse): string[] {
  const viaPaths: Ok<"/api/v1/config/global/vars", "get"> = res;
  return (viaPaths.results ?? []).map((v) => `${query.channelId ?? "*"}:${v.key ?? ""}`);
}

export function listTemplates(
  query: ListTemplatesQuery,
  res: ListTemplatesResponse,
): HSMTemplateDoc[] {
  const viaPaths: Ok<"/api/v1/config/tmpl/hsm", "get"> = res;
  return (viaPaths.results ?? []).filter(() => query.channelStatus !== "REJECTED");
}

export function setWebhook(res: SetWebhookResponse): ClientApp | undefined {
  const body: SetWebhookBody = { url: "https://www.example.com/webhook" };
  const viaPaths: Body<"/api/v1/config/webhook", "post"> = body;
  const ok: Ok<"/api/v1/config/webhook", "post"> = res;
  return viaPaths.url ? ok.data : undefined;
}

// --- Contact Management --------------------------------------------------------------------

export function updateContactLanguage(res: UpdateContactLanguageResponse): InBoundEvent[] {
  const body: UpdateContactLanguageBody = { contactId: "fb:12121212121", lang: "en_US" };
  const viaPaths: Body<"/api/v1/contact/prefs/lang", "post"> = body;
  const ok: Ok<"/api/v1/contact/prefs/lang", "post"> = res;
  return viaPaths.lang ? (ok.results ?? []) : [];
}

// --- Digital Analytics ---------------------------------------------------------------------

export function pushCustomerData(res: PushCustomerDataResponse): string | undefined {
  const body: PushCustomerDataBody = {
    id: "CUST-1234567",
    type: "CUSTOMER",
    data: { name: "John Doe" },
    links: [{ linkName: "phone", linkType: "MOBILE", linkValue: "919988776655" }],
  };
  const viaPaths: Body<"/api/v1/data/push", "post"> = body;
  const ok: Ok<"/api/v1/data/push", "post"> = res;
  return ok.data?.id ?? viaPaths.id;
}

export function pushCustomerEvent(res: PushCustomerEventResponse): string | undefined {
  const body: PushCustomerEventBody = { eventName: "CUSTOMER_CREATED", id: "1234567" };
  const viaPaths: Body<"/api/v1/event/push", "post"> = body;
  const ok: Ok<"/api/v1/event/push", "post"> = res;
  return ok.data?.eventName ?? viaPaths.eventName;
}

// --- Outbound Messages ---------------------------------------------------------------------

export function sendMessage(res: SendMessageResponse): string | undefined {
  const bodies: SendMessageBody[] = [
    { channelId: "wa360:1", to: { phone: "1" }, type: "text", text: { body: "Shipped." } },
    { channelId: "wa360:1", to: { phone: "1" }, type: "image", image: { link: "https://x/1.png" } },
    {
      channelId: "wa360:1",
      to: { contactId: "c" },
      type: "document",
      document: { link: "https://x/r.pdf", filename: "r.pdf" },
    },
    {
      channelId: "wa360:1",
      to: { phone: "1" },
      type: "location",
      location: { latitude: "1", longitude: "2" },
    },
    {
      channelId: "wa360:1",
      to: { phone: "1" },
      type: "template",
      template: { code: "FEEDBACK", lang: "en_US" },
    },
  ];
  const viaPaths: Body<"/api/v1/message/send", "post">[] = bodies;
  const ok: Ok<"/api/v1/message/send", "post"> = res;
  return viaPaths.length ? ok.data?.id : undefined;
}

// --- Session Management --------------------------------------------------------------------

export function sessions(
  closed: CloseSessionResponse,
  resolved: ResolveSessionResponse,
  routed: RouteSessionResponse,
  messages: ListSessionMessagesResponse,
): number {
  const close: CloseSessionBody = { sessionId: "61f3810a02e14c0877fc1a32" };
  const resolve: ResolveSessionBody = close;
  const list: ListSessionMessagesBody = close;
  const route: RouteSessionBody = {
    sessionId: close.sessionId,
    queue: "external_bot",
    skills: ["dental"],
  };
  const bodies: [
    Body<"/api/v1/session/close", "post">,
    Body<"/api/v1/session/resolve", "post">,
    Body<"/api/v1/session/messages", "post">,
    Body<"/api/v1/session/routing", "post">,
  ] = [close, resolve, list, route];
  const oks: [
    Ok<"/api/v1/session/close", "post">,
    Ok<"/api/v1/session/resolve", "post">,
    Ok<"/api/v1/session/routing", "post">,
    Ok<"/api/v1/session/messages", "post">,
  ] = [closed, resolved, routed, messages];
  return bodies.length + oks.reduce((n, ok) => n + (ok.results?.length ?? 0), 0);
}

// --- Webhooks ------------------------------------------------------------------------------

export function onMessageNotification(payload: MessageNotificationPayload): string[] {
  const texts = (payload.messages ?? []).flatMap((m) =>
    m.type === "text" ? [m.text.body ?? ""] : [],
  );
  const failed = (payload.statuses ?? []).filter((s) => s.status === "FAILD").map((s) => s.id);
  const routed = (payload.events ?? [])
    .filter((e) => e.eventCode === "SESSION_ROUTED")
    .map((e) => e.sessionId ?? "");
  const actions = (payload.actions ?? []).map((a) => a.actionCode);
  return [...texts, ...failed, ...routed, ...actions];
}

export function onContactInfoRequest(
  payload: ContactInfoRequestPayload,
): ContactInfoRequestResponse {
  return payload.contactType === "WHATSAPP"
    ? { name: payload.profile?.name, labels: [{ key: "CUSTOMER_TYPE", value: "Platinum" }] }
    : {};
}
