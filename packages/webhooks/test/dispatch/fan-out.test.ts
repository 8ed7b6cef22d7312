import { describe, expect, test } from "vitest";
import { messageNotificationExamples } from "../../src/generated/examples.js";
import {
  createWebhooks,
  webhookEventNames,
  WebhookDispatchError,
  type WebhookEvent,
} from "../../src/index.js";
import { TOKEN, copy, example } from "../helpers/requests.js";

function recorder() {
  const webhooks = createWebhooks({ verifyToken: TOKEN });
  const seen: Array<{ on: string; event: WebhookEvent }> = [];
  for (const name of webhookEventNames) {
    webhooks.on(name, (event) => void seen.push({ on: name, event: event as WebhookEvent }));
  }
  return { webhooks, seen };
}

describe("dispatch", () => {
  test("a text message goes to `message` and `message.text`, once each", async () => {
    const { webhooks, seen } = recorder();
    await webhooks.receive(messageNotificationExamples.text);
    expect(seen.map((s) => s.on)).toEqual(["message", "message.text"]);
    expect(seen.map((s) => s.event.name)).toEqual(["message", "message.text"]);
  });

  test("each handler receives { name, payload, meta, contact, notification }", async () => {
    const { webhooks, seen } = recorder();
    const example = messageNotificationExamples.text;
    await webhooks.receive(example);
    const { event } = seen[1]!;
    expect(event).toEqual({
      name: "message.text",
      payload: example.messages[0],
      meta: example.meta,
      contact: example.contacts[0],
      notification: example,
    });
  });

  test("a notification with several items of several kinds fans out to one call per item", async () => {
    const { webhooks, seen } = recorder();
    const status = messageNotificationExamples.status;
    const body = {
      ...copy(messageNotificationExamples.text),
      statuses: status.statuses,
      events: copy(messageNotificationExamples.event.events),
      actions: [{ actionCode: "SEND_INVOICE" }, { actionCode: "CLOSE" }],
    };
    body.messages.push({ ...copy(body.messages[0]!), id: "second" });
    await webhooks.receive(body);
    expect(seen.map((s) => s.on).sort()).toEqual(
      [
        "message",
        "message.text",
        "message",
        "message.text",
        "status",
        "status.DLVRD",
        "status",
        "status.FAILD",
        "event",
        "event.SESSION_ROUTED",
        "action",
        "action",
      ].sort(),
    );
  });

  test.each([
    ["message.image", "image"],
    ["message.document", "document"],
    ["message.location", "location"],
  ] as const)("the %s example goes to `message` and `%s`", async (name, example) => {
    const { webhooks, seen } = recorder();
    await webhooks.receive(messageNotificationExamples[example]);
    expect(seen.map((s) => s.on)).toEqual(["message", name]);
  });

  test("an event with an unknown code goes to `event` only", async () => {
    const { webhooks, seen } = recorder();
    const body = example("event");
    body.events![0]!.eventCode = "SESSION_SNOOZED";
    await webhooks.receive(body);
    expect(seen.map((s) => s.on)).toEqual(["event"]);
  });

  test("`contact` is the entry of `contacts` with the item's contactId", async () => {
    const { webhooks, seen } = recorder();
    const body = example("status");
    body.contacts!.unshift({ contactId: "someone-else" });
    body.statuses![1]!.contactId = "nobody-listed";
    await webhooks.receive(body);
    const byId = seen.filter((s) => s.on === "status").map((s) => s.event);
    expect(byId[0]?.contact).toEqual(messageNotificationExamples.status.contacts[0]);
    expect(byId[1]?.contact).toBeUndefined();
  });

  test("an action (no contactId) gets the notification's only contact, and none among several", async () => {
    const { webhooks, seen } = recorder();
    await webhooks.receive(messageNotificationExamples.action);
    expect(seen[0]?.event.contact).toEqual(messageNotificationExamples.action.contacts[0]);
    const two = example("action");
    two.contacts!.push({ contactId: "second" });
    seen.length = 0;
    await webhooks.receive(two);
    expect(seen[0]?.event.contact).toBeUndefined();
  });

  test("onAny() gets each item once, under its most specific name", async () => {
    const webhooks = createWebhooks({ verifyToken: TOKEN });
    const names: string[] = [];
    webhooks.onAny((event) => void names.push(event.name));
    await webhooks.receive(messageNotificationExamples.status);
    await webhooks.receive(messageNotificationExamples.action);
    expect(names).toEqual(["status.DLVRD", "status.FAILD", "action"]);
  });

  test("on() with a list registers the handler for each name", async () => {
    const webhooks = createWebhooks({ verifyToken: TOKEN });
    const names: string[] = [];
    webhooks.on(["status.DLVRD", "status.READ", "action"], (event) => void names.push(event.name));
    await webhooks.receive(messageNotificationExamples.status);
    await webhooks.receive(messageNotificationExamples.action);
    expect(names).toEqual(["status.DLVRD", "action"]);
  });

  test("removeListener() removes a handler for a name, a list, or onAny ('*')", async () => {
    const webhooks = createWebhooks({ verifyToken: TOKEN });
    const calls: string[] = [];
    const handler = (event: { name: string }) => void calls.push(event.name);
    webhooks.on(["message", "message.text"], handler);
    webhooks.onAny(handler);
    webhooks.removeListener("message", handler);
    await webhooks.receive(messageNotificationExamples.text);
    expect(calls).toEqual(["message.text", "message.text"]);
    webhooks.removeListener(["message.text"], handler);
    webhooks.removeListener("*", handler);
    calls.length = 0;
    await webhooks.receive(messageNotificationExamples.text);
    expect(calls).toEqual([]);
  });

  test("handlers of one delivery run concurrently, and all are awaited", async () => {
    const webhooks = createWebhooks({ verifyToken: TOKEN });
    let running = 0;
    let peak = 0;
    const finished: string[] = [];
    for (const name of ["message", "message.text", "status"] as const) {
      webhooks.on(name, async () => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((resolve) => setTimeout(resolve, 20));
        running--;
        finished.push(name);
      });
    }
    await webhooks.receive({
      ...messageNotificationExamples.text,
      statuses: messageNotificationExamples.status.statuses,
    });
    expect(peak).toBe(4);
    expect(finished).toHaveLength(4);
  });

  test("receive() throws a WebhookDispatchError after the other handlers finished", async () => {
    const webhooks = createWebhooks({ verifyToken: TOKEN });
    let otherDone = false;
    webhooks.on("message", () => Promise.reject(new Error("db down")));
    webhooks.on("message.text", async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
      otherDone = true;
    });
    const error = await webhooks.receive(messageNotificationExamples.text).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebhookDispatchError);
    expect((error as WebhookDispatchError).errors).toHaveLength(1);
    expect(otherDone).toBe(true);
  });

  test("receive() resolves to undefined for a notification", async () => {
    const { webhooks } = recorder();
    await expect(webhooks.receive(messageNotificationExamples.text)).resolves.toBeUndefined();
  });
});
