import type { paths } from "@mehery/xms-types";
import { assertType, expectTypeOf, test } from "vitest";
import { createClient, type XmsClient } from "../../src/index.js";

declare const xms: XmsClient;

type Ok<P extends keyof paths, M extends "get" | "post"> = paths[P][M] extends {
  responses: { 200: { content: { "application/json": infer J } } };
}
  ? J
  : never;

const text = {
  channelId: "wa360:918828218374",
  to: { phone: "919988776655" },
  type: "text",
  text: { body: "hi" },
} as const;

test("createClient returns an XmsClient", () => {
  expectTypeOf(createClient({ apiKey: "k", apiId: "i" })).toEqualTypeOf<XmsClient>();
});

test("resource methods return the 200 JSON body of their operation", () => {
  expectTypeOf(xms.messages.send(text)).resolves.toEqualTypeOf<
    paths["/api/v1/message/send"]["post"]["responses"][200]["content"]["application/json"]
  >();
  expectTypeOf(xms.config.listChannels()).resolves.toEqualTypeOf<
    Ok<"/api/v1/config/channels", "get">
  >();
  expectTypeOf(xms.config.listGlobalVars()).resolves.toEqualTypeOf<
    Ok<"/api/v1/config/global/vars", "get">
  >();
  expectTypeOf(xms.config.listTemplates()).resolves.toEqualTypeOf<
    Ok<"/api/v1/config/tmpl/hsm", "get">
  >();
  expectTypeOf(xms.config.setWebhook).returns.resolves.toEqualTypeOf<
    Ok<"/api/v1/config/webhook", "post">
  >();
  expectTypeOf(xms.contacts.updateLanguage).returns.resolves.toEqualTypeOf<
    Ok<"/api/v1/contact/prefs/lang", "post">
  >();
  expectTypeOf(xms.analytics.pushData).returns.resolves.toEqualTypeOf<
    Ok<"/api/v1/data/push", "post">
  >();
  expectTypeOf(xms.analytics.pushEvent).returns.resolves.toEqualTypeOf<
    Ok<"/api/v1/event/push", "post">
  >();
  expectTypeOf(xms.sessions.close).returns.resolves.toEqualTypeOf<
    Ok<"/api/v1/session/close", "post">
  >();
  expectTypeOf(xms.sessions.listMessages).returns.resolves.toEqualTypeOf<
    Ok<"/api/v1/session/messages", "post">
  >();
  expectTypeOf(xms.sessions.resolve).returns.resolves.toEqualTypeOf<
    Ok<"/api/v1/session/resolve", "post">
  >();
  expectTypeOf(xms.sessions.route).returns.resolves.toEqualTypeOf<
    Ok<"/api/v1/session/routing", "post">
  >();
});

test("resource methods take the operation's body, or its query", () => {
  expectTypeOf(xms.messages.send)
    .parameter(0)
    .toEqualTypeOf<
      paths["/api/v1/message/send"]["post"]["requestBody"]["content"]["application/json"]
    >();
  expectTypeOf(xms.config.listChannels)
    .parameter(0)
    .toEqualTypeOf<{ sabdnox?: boolean } | undefined>();
  assertType(xms.config.listChannels({ sabdnox: true }, { timeoutMs: 5_000, maxRetries: 0 }));
  assertType(xms.sessions.close({ sessionId: "s1" }, { signal: AbortSignal.timeout(1_000) }));
});

test("a wrong body, a missing field or a wrong query does not compile", () => {
  // @ts-expect-error: `to` is required
  void xms.messages.send({ channelId: "wa360:1", type: "text", text: { body: "hi" } });
  // @ts-expect-error: sessionId is a string
  void xms.sessions.close({ sessionId: 42 });
  // @ts-expect-error: the body is required
  void xms.messages.send();
  // @ts-expect-error: sabdnox is a boolean
  void xms.config.listChannels({ sabdnox: "yes" });
  // @ts-expect-error: not a call option
  void xms.sessions.close({ sessionId: "s1" }, { retries: 3 });
  // @ts-expect-error: no such resource method
  void xms.messages.delete;
});

test("the path API is typed from the spec", async () => {
  const { data, error } = await xms.GET("/api/v1/config/channels", {
    params: { query: { sabdnox: true } },
  });
  // openapi-fetch wraps data in its Readable<> mapping: equal both ways, not identical.
  expectTypeOf(data!).toExtend<Ok<"/api/v1/config/channels", "get">>();
  expectTypeOf<Ok<"/api/v1/config/channels", "get">>().toExtend<NonNullable<typeof data>>();
  if (error) expectTypeOf(error.message).toEqualTypeOf<string | undefined>();
  const sent = await xms.POST("/api/v1/message/send", { body: text, timeoutMs: 1_000 });
  expectTypeOf(sent.data!).toExtend<Ok<"/api/v1/message/send", "post">>();
  expectTypeOf<Ok<"/api/v1/message/send", "post">>().toExtend<NonNullable<typeof sent.data>>();
});

test("parseAs types data as bare openapi-fetch does", async () => {
  type Bare = import("openapi-fetch").Client<paths>;
  const bare = {} as Bare;
  const path = "/api/v1/config/channels";
  const stream = await xms.GET(path, { parseAs: "stream", maxRetries: 0 });
  expectTypeOf(stream.data).toEqualTypeOf((await bare.GET(path, { parseAs: "stream" })).data);
  expectTypeOf(stream.data).toEqualTypeOf<ReadableStream | null | undefined>();
  const text = await xms.GET(path, { parseAs: "text" });
  expectTypeOf(text.data).toEqualTypeOf<string | undefined>();
  const blob = await xms.request("get", path, { parseAs: "blob" });
  expectTypeOf(blob.data).toEqualTypeOf(
    (await bare.request("get", path, { parseAs: "blob" })).data,
  );
  const buffer = await xms.POST("/api/v1/session/messages", {
    body: { sessionId: "s1" },
    parseAs: "arrayBuffer",
  });
  expectTypeOf(buffer.data).toEqualTypeOf<ArrayBuffer | undefined>();
});

test("a wrong path, a wrong body or a missing field in the path API does not compile", () => {
  // @ts-expect-error: no such path
  void xms.GET("/api/v1/config/channel");
  // @ts-expect-error: send is a POST
  void xms.GET("/api/v1/message/send");
  // @ts-expect-error: the body is required
  void xms.POST("/api/v1/session/close", {});
  // @ts-expect-error: sessionId is a string
  void xms.POST("/api/v1/session/close", { body: { sessionId: 1 } });
  // @ts-expect-error: `queue` is required
  void xms.POST("/api/v1/session/routing", { body: { sessionId: "s1" } });
  // @ts-expect-error: sabdnox is a boolean
  void xms.GET("/api/v1/config/channels", { params: { query: { sabdnox: 1 } } });
});
