// A consumer that uses only what every openapi-typescript output has (`paths`, `components`,
// `operations`, `webhooks`), so that it compiles against @mehery/xms-types and against plain
// openapi-typescript output alike. bench/codegen.mjs type-checks it against both and compares
// the checker's work. It touches every operation and webhook the way openapi-fetch does:
// through generic lookups on `paths`.
import type { components, operations, paths, webhooks } from "./api.js";

type Method = "get" | "post";
type Json<T> = T extends { content: { "application/json": infer B } } ? B : never;
type Op<P extends keyof paths, M extends Method> = M extends keyof paths[P] ? paths[P][M] : never;
type Body<P extends keyof paths, M extends Method> =
  Op<P, M> extends { requestBody: infer R } ? Json<NonNullable<R>> : never;
type Query<P extends keyof paths, M extends Method> =
  Op<P, M> extends {
    parameters: { query?: infer Q };
  }
    ? NonNullable<Q>
    : never;
type Ok<P extends keyof paths, M extends Method> =
  Op<P, M> extends { responses: { 200: infer R } } ? Json<R> : never;
type Schemas = components["schemas"];

declare function call<P extends keyof paths, M extends Method>(
  path: P,
  method: M,
  init: { body?: Body<P, M>; query?: Query<P, M> },
): Ok<P, M>;

export const channels = call("/api/v1/config/channels", "get", { query: { sabdnox: true } });
export const vars = call("/api/v1/config/global/vars", "get", { query: { channelId: "wa360:1" } });
export const templates = call("/api/v1/config/tmpl/hsm", "get", {
  query: { channelStatus: "APPROVED" },
});
export const webhook = call("/api/v1/config/webhook", "post", { body: { url: "https://x/hook" } });
export const lang = call("/api/v1/contact/prefs/lang", "post", {
  body: { contactId: "c", lang: "en_US" },
});
export const data = call("/api/v1/data/push", "post", { body: { id: "1", type: "CUSTOMER" } });
export const event = call("/api/v1/event/push", "post", { body: { eventName: "E", id: "1" } });

const to = { phone: "919988776655" };
export const sent: Ok<"/api/v1/message/send", "post">[] = [
  call("/api/v1/message/send", "post", {
    body: { channelId: "c", to, mask: false, type: "text", text: { body: "hi" } },
  }),
  call("/api/v1/message/send", "post", {
    body: { channelId: "c", to, mask: false, type: "image", image: { link: "https://x/1.png" } },
  }),
  call("/api/v1/message/send", "post", {
    body: {
      channelId: "c",
      to,
      mask: false,
      type: "location",
      location: { latitude: "1", longitude: "2" },
    },
  }),
  call("/api/v1/message/send", "post", {
    body: {
      channelId: "c",
      to,
      mask: false,
      type: "template",
      template: { code: "T", lang: "en_US" },
    },
  }),
];

const session = { sessionId: "61f3810a02e14c0877fc1a32" };
export const sessions = [
  call("/api/v1/session/close", "post", { body: session }),
  call("/api/v1/session/messages", "post", { body: session }),
  call("/api/v1/session/resolve", "post", { body: session }),
  call("/api/v1/session/routing", "post", { body: { ...session, queue: "bot" } }),
];

type Payload<W extends keyof webhooks> = Json<NonNullable<webhooks[W]["post"]["requestBody"]>>;

export function onNotification(payload: Payload<"messageNotification">): string[] {
  const out: string[] = [];
  for (const m of payload.messages ?? []) {
    switch (m.type) {
      case "text":
        out.push(m.text.body ?? "");
        break;
      case "image":
        out.push(m.image.link ?? "");
        break;
      default:
        out.push(m.type);
    }
  }
  for (const s of payload.statuses ?? []) if (s.status === "FAILD") out.push(s.id);
  for (const e of payload.events ?? []) out.push(String(e.eventCode));
  for (const a of payload.actions ?? []) out.push(a.actionCode);
  return out;
}

export function onContactInfo(
  contact: Payload<"contactInfoRequest">,
): Json<operations["contactInfoRequest"]["responses"][200]> {
  return { name: contact.profile?.name, labels: [{ key: "K", value: "V" }] };
}

export type Everything = {
  [K in keyof Schemas]: Schemas[K] extends object ? keyof Schemas[K] : Schemas[K];
};
