// Type assertions on the README's examples (test/docs/readme.test.ts compiles the README's own blocks).
import { expectTypeOf, test } from "vitest";
import {
  createClient,
  isXmsBadRequestError,
  isXmsRateLimitError,
  isXmsTimeoutError,
} from "../../src/index.js";

test("quick start", async () => {
  const xms = createClient({ apiKey: process.env.XMS_API_KEY, apiId: process.env.XMS_API_ID });
  const receipt = await xms.messages.send({
    channelId: "wa360:918828218374",
    to: { phone: "919988776655" },
    type: "text",
    text: { body: "Your order has shipped." },
  });
  expectTypeOf(receipt.data.id).toEqualTypeOf<string>();
  const { results } = await xms.config.listChannels({ sabdnox: true });
  expectTypeOf(results).toBeArray();

  await xms.sessions.listMessages(
    { sessionId: "61f3810a02e14c0877fc1a32" },
    { timeoutMs: 10_000, signal: AbortSignal.timeout(30_000) },
  );

  const { data, error, response } = await xms.POST("/api/v1/message/send", {
    body: {
      channelId: "sms:MEHERY",
      to: { phone: "919988776655" },
      type: "text",
      text: { body: "Hi" },
    },
    maxRetries: 0,
  });
  if (error) expectTypeOf([response.status, error.message, error.errors]).toBeArray();
  else expectTypeOf(data.data.id).toEqualTypeOf<string>();
});

test("errors", async () => {
  const xms = createClient();
  try {
    await xms.messages.send({
      channelId: "c",
      to: { phone: "p" },
      type: "text",
      text: { body: "b" },
    });
  } catch (e) {
    if (isXmsRateLimitError(e)) expectTypeOf(e.status).toBeNumber();
    else if (isXmsBadRequestError(e)) {
      for (const { field, description } of e.errors) expectTypeOf([field, description]).toBeArray();
    } else if (isXmsTimeoutError(e)) expectTypeOf(e.url).toBeString();
    else throw e;
  }
});

test("optin and optout carry no payload; a send must name its recipient", async () => {
  const xms = createClient({ apiKey: "k", apiId: "i" });
  await xms.messages.send({
    channelId: "wa360:918828218374",
    to: { phone: "919988776655" },
    type: "optin",
  });
  // @ts-expect-error a name alone names no recipient
  await xms.messages.send({ channelId: "c", to: { name: "John" }, type: "optout" });
  // @ts-expect-error a template needs code or id
  await xms.messages.send({ channelId: "c", to: { phone: "1" }, type: "template", template: {} });
});
