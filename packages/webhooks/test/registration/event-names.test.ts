// From plain JavaScript, nothing stops a misspelt event name: its handler would never run. So
// on() checks every name when the handler is registered, and names the nearest valid one.
import { describe, expect, test } from "vitest";
import {
  createWebhooks,
  isXmsWebhooksError,
  webhookEventNames,
  WebhookEventNameError,
} from "../../src/index.js";
import { TOKEN, textExample } from "../helpers/requests.js";

/** on() as plain JavaScript sees it: any name goes. */
type UntypedOn = (name: unknown, handler: () => void) => void;

function untypedOn() {
  const webhooks = createWebhooks({ verifyToken: TOKEN });
  return { webhooks, on: webhooks.on.bind(webhooks) as UntypedOn };
}

function registrationError(name: unknown): WebhookEventNameError {
  const { on } = untypedOn();
  try {
    on(name, () => {});
  } catch (error) {
    expect(error).toBeInstanceOf(WebhookEventNameError);
    expect(isXmsWebhooksError(error)).toBe(true);
    return error as WebhookEventNameError;
  }
  throw new Error(`on(${JSON.stringify(name)}) did not throw`);
}

describe("event names are checked when a handler is registered", () => {
  test.each([
    ["status.FAILED", "status.FAILD"],
    ["mesage.text", "message.text"],
    ["message.Text", "message.text"],
    ["status.read", "status.READ"],
    ["event.SESSION_ROUTE", "event.SESSION_ROUTED"],
    ["contact-info", "contact.info"],
    ["actions", "action"],
    ["message.unlisetd", "message.unlisted"],
    ["status.Unlisted", "status.unlisted"],
  ])("on(%j) throws WebhookEventNameError suggesting %j", (name, nearest) => {
    const error = registrationError(name);
    expect(error.eventName).toBe(name);
    expect(error.suggestion).toBe(nearest);
    expect(error.message).toContain(`did you mean "${nearest}"?`);
  });

  test("a name near nothing gets no suggestion, and still throws", () => {
    const error = registrationError("order.created.v2.something");
    expect(error.suggestion).toBeUndefined();
    expect(error.message).toContain("webhookEventNames");
  });

  test.each([undefined, 42, "", "*", "unknown.reactions"])("on(%j) throws", (name) => {
    expect(registrationError(name).eventName).toBe(String(name));
  });

  test("a list with one bad name registers none of its names", async () => {
    const { webhooks, on } = untypedOn();
    let calls = 0;
    expect(() => on(["message.text", "mesage.text"], () => void calls++)).toThrow(
      WebhookEventNameError,
    );
    await webhooks.receive(textExample);
    expect(calls).toBe(0);
  });

  test("message.unlisted and status.unlisted, the events of items the spec does not list, register", () => {
    const { on } = untypedOn();
    expect(webhookEventNames).toEqual(
      expect.arrayContaining(["message.unlisted", "status.unlisted"]),
    );
    expect(() => on(["message.unlisted", "status.unlisted"], () => {})).not.toThrow();
  });

  test("every published event name registers", () => {
    const { on } = untypedOn();
    for (const name of webhookEventNames) expect(() => on(name, () => {})).not.toThrow();
  });
});
