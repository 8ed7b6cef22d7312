// Nothing dropped in silence: a list of items the spec does not know reaches onAny, item by item,
// as `unknown.<list>`, and the delivery is answered only after those handlers ran.
import { describe, expect, test } from "vitest";
import { eventCodes } from "@mehery/xms-webhook-types";
import { createWebhooks, type AnyEvent } from "../../src/index.js";
import { TOKEN, example, textExample, webhookRequest } from "../helpers/requests.js";

const meta = { appId: "app-1", domain: "alex", server: "server.com" };
const reactions = {
  type: "reactions",
  meta,
  contacts: [{ contactId: "c-1" }],
  reactions: [
    { messageId: "m-1", emoji: "👍", contactId: "c-1" },
    { messageId: "m-2", emoji: "❤️" },
  ],
};

function recorder(options: { dedupe?: boolean } = {}) {
  const webhooks = createWebhooks({ verifyToken: TOKEN, ...options });
  const seen: AnyEvent[] = [];
  webhooks.onAny((event) => void seen.push(event));
  return { webhooks, seen };
}

describe("item lists the spec does not know", () => {
  test("each item of `reactions` reaches onAny as `unknown.reactions`, with meta, contact and notification", async () => {
    const { webhooks, seen } = recorder();
    const response = await webhooks.handle(webhookRequest(reactions));
    expect(response.status).toBe(200);
    expect(seen.map((event) => event.name)).toEqual(["unknown.reactions", "unknown.reactions"]);
    expect(seen.map((event) => event.payload)).toEqual(reactions.reactions);
    expect(seen[0]).toMatchObject({ meta, contact: { contactId: "c-1" }, notification: reactions });
  });

  test("they are dispatched alongside the known lists, and items that are not objects too", async () => {
    const { webhooks, seen } = recorder();
    await webhooks.receive({ ...textExample, polls: ["yes", 2] });
    expect(seen.map((event) => [event.name, event.payload])).toEqual([
      ["message.text", textExample.messages![0]],
      ["unknown.polls", "yes"],
      ["unknown.polls", 2],
    ]);
  });

  test("the notification is answered only after their handlers ran; a failing one is a 500", async () => {
    const webhooks = createWebhooks({ verifyToken: TOKEN });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const done: string[] = [];
    webhooks.onAny(async (event) => {
      await held;
      done.push(event.name);
    });
    let answered = false;
    const answer = webhooks.handle(webhookRequest(reactions)).then((response) => {
      answered = true;
      return response;
    });
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(answered).toBe(false);
    release();
    expect((await answer).status).toBe(200);
    expect(done).toEqual(["unknown.reactions", "unknown.reactions"]);

    const failing = createWebhooks({ verifyToken: TOKEN });
    failing.onAny(() => {
      throw new Error("not stored");
    });
    expect((await failing.handle(webhookRequest(reactions))).status).toBe(500);
  });

  test("with dedupe, a retry is skipped but distinct items are not merged", async () => {
    const { webhooks, seen } = recorder({ dedupe: true });
    await webhooks.receive(reactions);
    await webhooks.receive(reactions);
    // The same items for another app (meta) are other deliveries.
    await webhooks.receive({ ...reactions, meta: { ...meta, appId: "app-2" } });
    expect(seen.map((event) => event.notification?.meta?.appId)).toEqual([
      "app-1",
      "app-1",
      "app-2",
      "app-2",
    ]);
  });

  test("strict validation refuses a list it does not know, pointing at it", async () => {
    const webhooks = createWebhooks({ verifyToken: TOKEN, validate: "strict" });
    const response = await webhooks.handle(webhookRequest(reactions));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      errors: expect.arrayContaining([{ pointer: "/reactions", message: "is not a known field" }]),
    });
  });
});

describe("event codes", () => {
  test.each([...eventCodes, "SESSION_SNOOZED"])(
    "an event %s reaches the generic `event` handlers, whether or not the spec lists its code",
    async (eventCode) => {
      const webhooks = createWebhooks({ verifyToken: TOKEN });
      const names: string[] = [];
      webhooks.on("event", ({ payload }) => void names.push(`event:${payload.eventCode}`));
      webhooks.onAny(({ name }) => void names.push(name));
      const body = example("event");
      body.events![0]!.eventCode = eventCode;
      expect((await webhooks.handle(webhookRequest(body))).status).toBe(200);
      const specific = (eventCodes as readonly string[]).includes(eventCode);
      expect(names).toEqual([`event:${eventCode}`, specific ? `event.${eventCode}` : "event"]);
    },
  );
});
