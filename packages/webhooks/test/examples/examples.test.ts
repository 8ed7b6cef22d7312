import { describe, expect, test } from "vitest";
import { contactInfoRequestResponseExamples } from "../../src/generated/examples.js";
import { createNodeMiddleware, createWebhooks, type Webhooks } from "../../src/index.js";
import {
  TOKEN,
  contactInfoExample,
  itemsOf,
  notificationExamples,
  webhookInit,
  webhookRequest,
} from "../helpers/requests.js";
import { listen } from "../helpers/server.js";

type Entry = (webhooks: Webhooks, body: unknown) => Promise<{ status: number; body: unknown }>;

/** The JSON of a response, or undefined when it has no body. */
async function bodyOf(response: Response): Promise<unknown> {
  const text = await response.text();
  return text === "" ? undefined : JSON.parse(text);
}

const entryPoints: Array<[string, Entry]> = [
  [
    "handle()",
    async (webhooks, body) => {
      const response = await webhooks.handle(webhookRequest(body));
      return { status: response.status, body: await bodyOf(response) };
    },
  ],
  [
    "the Node middleware on node:http",
    async (webhooks, body) => {
      const base = await listen(createNodeMiddleware(webhooks));
      const response = await fetch(base, webhookInit(body));
      return { status: response.status, body: await bodyOf(response) };
    },
  ],
  [
    "receive()",
    async (webhooks, body) => ({
      status: 200,
      body: await webhooks.receive(body),
    }),
  ],
];

function setup() {
  const webhooks = createWebhooks({ verifyToken: TOKEN, validate: "strict" });
  const payloads: unknown[] = [];
  webhooks.onAny(({ payload }) => void payloads.push(payload));
  webhooks.onContactInfo(() => contactInfoRequestResponseExamples.default);
  return { webhooks, payloads };
}

describe.each(entryPoints)("the spec's examples through %s", (_, entry) => {
  test.each(notificationExamples)(
    "the %s notification is accepted (strict) and each item dispatched",
    async (_, example) => {
      const { webhooks, payloads } = setup();
      const answer = await entry(webhooks, example);
      expect(answer).toEqual({ status: 200, body: undefined });
      const items = itemsOf(example);
      expect(items.length).toBeGreaterThan(0);
      expect(payloads).toEqual(items);
    },
  );

  test("the contact-info request is answered with the spec's example answer", async () => {
    const { webhooks, payloads } = setup();
    const answer = await entry(webhooks, contactInfoExample);
    expect(answer).toEqual({ status: 200, body: contactInfoRequestResponseExamples.default });
    expect(payloads).toEqual([contactInfoExample]);
  });
});
