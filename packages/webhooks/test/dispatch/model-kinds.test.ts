// A kind added to the spec needs no edit of the receiver: an instance over the model codegen emits
// from a fixture spec with a `reactions` list (tools/codegen/test/fixtures/notification/
// reactions.yaml) routes and dispatches reactions by name, as it does messages.
import { describe, expect, test } from "vitest";
import { WebhookEventNameError, createWebhooks, type AnyEvent } from "../../src/index.js";
import { createWebhooksOver } from "../../src/webhooks.js";
import { notificationModel } from "../fixtures/reactions-model.generated.js";
import { TOKEN, webhookRequest } from "../helpers/requests.js";

const meta = { appId: "app-1", domain: "alex", server: "server.com" };
const notification = {
  type: "reactions",
  meta,
  contacts: [{ contactId: "c-1" }],
  messages: [{ id: "m-3", type: "text", text: { body: "thanks" }, contactId: "c-1" }],
  reactions: [
    { id: "r-1", emoji: "like", contactId: "c-1" },
    { id: "r-2", emoji: "party", contactId: "c-1" },
  ],
};

function recorder() {
  const webhooks = createWebhooksOver(notificationModel, { verifyToken: TOKEN });
  const seen: string[] = [];
  const on = (name: string) =>
    webhooks.on(
      name as never,
      ((event: AnyEvent) => void seen.push(`${name}:${event.name}`)) as never,
    );
  return { webhooks, seen, on };
}

describe("a notification kind the spec's model adds", () => {
  test("its items reach `reaction` and `reaction.<emoji>` handlers; an emoji the model does not know reaches `reaction` only", async () => {
    const { webhooks, seen, on } = recorder();
    const payloads: unknown[] = [];
    on("reaction.like");
    webhooks.on(
      "reaction" as never,
      ((event: AnyEvent) => {
        payloads.push([event.payload, event.contact]);
      }) as never,
    );
    const response = await webhooks.handle(webhookRequest(notification));
    expect(response.status).toBe(200);
    expect(seen).toEqual(["reaction.like:reaction.like"]);
    expect(payloads).toEqual([
      [notification.reactions[0], { contactId: "c-1" }],
      [notification.reactions[1], { contactId: "c-1" }],
    ]);
  });

  test("onAny gets each item once, by its most specific name, in the model's kind order", async () => {
    const { webhooks } = recorder();
    const names: string[] = [];
    webhooks.onAny((event) => void names.push(event.name));
    await webhooks.receive(notification);
    expect(names).toEqual(["message.text", "reaction.like", "reaction"]);
  });

  test("a body with a contactId and a `reactions` list is a notification, not a contact-info request", async () => {
    const { webhooks, seen, on } = recorder();
    on("reaction");
    const body = { contactId: "c-1", reactions: [{ id: "r-3", emoji: "love" }] };
    await expect(webhooks.receive(body)).resolves.toBeUndefined();
    expect(seen).toEqual(["reaction:reaction"]);
  });

  test("the spec's own receiver knows no such event: registering it throws", () => {
    const webhooks = createWebhooks({ verifyToken: TOKEN });
    expect(() => webhooks.on("reaction" as never, () => {})).toThrow(WebhookEventNameError);
  });
});
