// Items the spec does not list get their own events (`message.unlisted`, `status.unlisted`,
// `unknown.<list>`), so that `message` and `status` handlers get exactly the listed union; and
// such an item that nobody receives is told to onError, not dropped in silence.
import { describe, expect, test } from "vitest";
import {
  UnhandledItemError,
  createNodeMiddleware,
  createWebhooks,
  type WebhookError,
  type WebhooksOptions,
} from "../../src/index.js";
import {
  TOKEN,
  copy,
  example,
  textExample,
  webhookInit,
  webhookRequest,
} from "../helpers/requests.js";
import { listen } from "../helpers/server.js";

type Body = Record<string, unknown>;

/** The text example with a second message, of a `sticker` type the spec does not list. */
function withSticker(): Body {
  const body = copy(textExample) as Body;
  const text = (body["messages"] as Body[])[0]!;
  const sticker: Body = { ...text, id: "m-sticker", type: "sticker", sticker: { id: "st-1" } };
  delete sticker["text"];
  body["messages"] = [text, sticker];
  return body;
}

/** The status example with one status whose `status` the spec does not list. */
function pending(): Body {
  const body = example("status") as Body;
  body["statuses"] = [{ ...(body["statuses"] as Body[])[0], status: "PENDING" }];
  return body;
}

const reactions = {
  type: "reactions",
  contacts: [{ contactId: "c-1" }],
  reactions: [{ messageId: "m-1", emoji: "👍", contactId: "c-1" }],
};

function receiver(options: Partial<WebhooksOptions> = {}) {
  const errors: WebhookError[] = [];
  const webhooks = createWebhooks({
    verifyToken: TOKEN,
    onError: (error) => void errors.push(error),
    ...options,
  });
  const calls: [string, unknown][] = [];
  const record = (label: string) => (event: { payload: unknown }) =>
    void calls.push([label, (event.payload as Body)["id"] ?? event.payload]);
  return { webhooks, errors, calls, record };
}

describe("message.unlisted and status.unlisted", () => {
  test("a message of an unlisted type goes to `message.unlisted` and onAny, and not to `message`", async () => {
    const { webhooks, errors, calls, record } = receiver();
    webhooks.on("message", record("message"));
    webhooks.on("message.unlisted", record("message.unlisted"));
    webhooks.onAny(
      (event) => void calls.push([`any:${event.name}`, (event.payload as Body)["id"]]),
    );
    const body = withSticker();
    const text = (body["messages"] as Body[])[0]!["id"];
    const response = await webhooks.handle(webhookRequest(body));
    expect(response.status).toBe(200);
    expect(calls).toEqual([
      ["message", text],
      ["any:message.text", text],
      ["message.unlisted", "m-sticker"],
      ["any:message.unlisted", "m-sticker"],
    ]);
    expect(errors).toEqual([]);
  });

  test("a status of an unlisted value goes to `status.unlisted` and onAny, and not to `status`", async () => {
    const { webhooks, errors, calls, record } = receiver();
    webhooks.on("status", record("status"));
    webhooks.on("status.unlisted", ({ payload }) => void calls.push(["unlisted", payload.status]));
    webhooks.onAny((event) => void calls.push([`any:${event.name}`, undefined]));
    expect((await webhooks.handle(webhookRequest(pending()))).status).toBe(200);
    expect(calls).toEqual([
      ["unlisted", "PENDING"],
      ["any:status.unlisted", undefined],
    ]);
    expect(errors).toEqual([]);
  });

  test("over HTTP on a real server, the Node middleware dispatches the same way", async () => {
    const { webhooks, calls, record } = receiver();
    webhooks.on("message", record("message"));
    webhooks.on("message.unlisted", record("message.unlisted"));
    const url = await listen(createNodeMiddleware(webhooks));
    const response = await fetch(url, webhookInit(withSticker()));
    expect(response.status).toBe(200);
    expect(calls.map(([label]) => label)).toEqual(["message", "message.unlisted"]);
  });
});

describe("an unlisted item that no handler receives is reported, and still answered 200", () => {
  test("a message of an unlisted type with only a `message` handler: onError gets an UnhandledItemError naming its type", async () => {
    const { webhooks, errors, calls, record } = receiver();
    webhooks.on("message", record("message"));
    const body = withSticker();
    const response = await webhooks.handle(webhookRequest(body));
    expect(response.status).toBe(200);
    expect(calls.map(([label]) => label)).toEqual(["message"]);
    expect(errors).toHaveLength(1);
    const error = errors[0] as UnhandledItemError;
    expect(error).toBeInstanceOf(UnhandledItemError);
    expect(error.name).toBe("UnhandledItemError");
    expect(error.message).toContain('"messages" whose type "sticker" the spec does not list');
    expect(error.message).toContain('on("message.unlisted") or onAny()');
    expect(error.message).not.toContain(TOKEN);
    // The item travels with the notice: it is not lost.
    expect(error.event).toEqual({
      name: "message.unlisted",
      payload: (body["messages"] as Body[])[1],
    });
  });

  test("a status of an unlisted value with no handler at all is reported the same way", async () => {
    const { webhooks, errors } = receiver();
    expect((await webhooks.handle(webhookRequest(pending()))).status).toBe(200);
    expect(errors.map((error) => [error.name, (error as UnhandledItemError).event.name])).toEqual([
      ["UnhandledItemError", "status.unlisted"],
    ]);
    expect(errors[0]!.message).toContain(
      '"statuses" whose status "PENDING" the spec does not list',
    );
  });

  test("an item of a list the spec does not know, with no onAny handler, is reported as `unknown.<list>`", async () => {
    const { webhooks, errors } = receiver();
    webhooks.on("message", () => {});
    expect((await webhooks.handle(webhookRequest(reactions))).status).toBe(200);
    expect(errors).toHaveLength(1);
    expect((errors[0] as UnhandledItemError).event).toEqual({
      name: "unknown.reactions",
      payload: reactions.reactions[0],
    });
    expect(errors[0]!.message).toContain('"reactions", a list the spec does not know');
    expect(errors[0]!.message).toContain("register onAny()");
  });

  test("an onAny handler receives them all, and nothing is reported", async () => {
    const { webhooks, errors } = receiver();
    const names: string[] = [];
    webhooks.onAny((event) => void names.push(event.name));
    await webhooks.receive(withSticker());
    await webhooks.receive(pending());
    await webhooks.receive(reactions);
    expect(names).toEqual([
      "message.text",
      "message.unlisted",
      "status.unlisted",
      "unknown.reactions",
    ]);
    expect(errors).toEqual([]);
  });

  test("a listed item without handlers is the user's choice, and not reported", async () => {
    const { webhooks, errors } = receiver();
    webhooks.on("status", () => {});
    await webhooks.receive(copy(textExample));
    expect(errors).toEqual([]);
  });

  test("receive() resolves and reports; with dedupe, a retry is reported again (nothing was kept)", async () => {
    const { webhooks, errors } = receiver({ dedupe: true });
    await expect(webhooks.receive(pending())).resolves.toBeUndefined();
    await expect(webhooks.receive(pending())).resolves.toBeUndefined();
    expect(errors.map((error) => error.name)).toEqual(["UnhandledItemError", "UnhandledItemError"]);
  });

  test("a value sent as something long is quoted short in the message", async () => {
    const { webhooks, errors } = receiver();
    const body = pending();
    (body["statuses"] as Body[])[0]!["status"] = "X".repeat(500);
    await webhooks.receive(body);
    expect(errors[0]!.message).toContain(`"${"X".repeat(64)}"`);
    expect(errors[0]!.message).not.toContain("X".repeat(65));
  });
});
