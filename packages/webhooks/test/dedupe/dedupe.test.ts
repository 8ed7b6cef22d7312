import { afterEach, describe, expect, test, vi } from "vitest";
import { messageNotificationExamples } from "../../src/generated/examples.js";
import {
  createMemoryDedupeStore,
  createWebhooks,
  type DedupeCheckStore,
  type DedupeClaimStore,
  type DedupeStore,
  type WebhookError,
} from "../../src/index.js";
import { TOKEN, example, textExample, webhookRequest } from "../helpers/requests.js";

afterEach(() => {
  vi.useRealTimers();
});

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/**
 * Delivers the text example three times to a receiver with `store`: its message handler (which
 * logs "handler") throws the first time and succeeds the other two.
 */
async function failThenSucceedTwice(store: DedupeStore, ttlMs: number, log: string[]) {
  const webhooks = createWebhooks({ verifyToken: TOKEN, dedupe: { store, ttlMs } });
  let fail = true;
  webhooks.on("message", () => {
    log.push("handler");
    if (fail) throw new Error("x");
  });
  await webhooks.handle(webhookRequest(textExample));
  fail = false;
  await webhooks.handle(webhookRequest(textExample));
  await webhooks.handle(webhookRequest(textExample));
}

describe("dedupe", () => {
  test("a platform retry of a processed delivery does not call the handlers again", async () => {
    const webhooks = createWebhooks({ verifyToken: TOKEN, dedupe: true });
    const handler = vi.fn();
    webhooks.on("message.text", handler);
    const first = await webhooks.handle(webhookRequest(textExample));
    const retry = await webhooks.handle(webhookRequest(textExample));
    expect([first.status, retry.status]).toEqual([200, 200]);
    expect(handler).toHaveBeenCalledTimes(1);
  });

  test("without dedupe, a retry calls the handlers again", async () => {
    const webhooks = createWebhooks({ verifyToken: TOKEN });
    const handler = vi.fn();
    webhooks.on("message.text", handler);
    await webhooks.handle(webhookRequest(textExample));
    await webhooks.handle(webhookRequest(textExample));
    expect(handler).toHaveBeenCalledTimes(2);
  });

  test("a delivery whose handler failed (500) is not marked seen: the retry processes it", async () => {
    const webhooks = createWebhooks({ verifyToken: TOKEN, dedupe: true });
    let attempts = 0;
    webhooks.on("message.text", () => {
      attempts++;
      if (attempts === 1) throw new Error("transient");
    });
    const first = await webhooks.handle(webhookRequest(textExample));
    const retry = await webhooks.handle(webhookRequest(textExample));
    const again = await webhooks.handle(webhookRequest(textExample));
    expect([first.status, retry.status, again.status]).toEqual([500, 200, 200]);
    expect(attempts).toBe(2);
  });

  test("on a retry, only the items whose handlers failed run again", async () => {
    const webhooks = createWebhooks({ verifyToken: TOKEN, dedupe: true });
    const calls: string[] = [];
    let failFaild = true;
    webhooks.on("status", ({ payload }) => {
      calls.push(payload.status);
      if (payload.status === "FAILD" && failFaild) {
        failFaild = false;
        throw new Error("once");
      }
    });
    const first = await webhooks.handle(webhookRequest(messageNotificationExamples.status));
    const retry = await webhooks.handle(webhookRequest(messageNotificationExamples.status));
    expect([first.status, retry.status]).toEqual([500, 200]);
    expect(calls).toEqual(["DLVRD", "FAILD", "FAILD"]);
  });

  test("a copy that arrives while the first is in its handler waits, then is skipped", async () => {
    const webhooks = createWebhooks({ verifyToken: TOKEN, dedupe: true });
    const gate = deferred();
    const handler = vi.fn(() => gate.promise);
    webhooks.on("message.text", handler);
    const first = webhooks.handle(webhookRequest(textExample));
    const copy = webhooks.handle(webhookRequest(textExample));
    let copyAnswered = false;
    void copy.then(() => (copyAnswered = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    // The copy must not claim success for work that is still running (and may fail).
    expect(copyAnswered).toBe(false);
    gate.resolve();
    expect([(await first).status, (await copy).status]).toEqual([200, 200]);
    expect(handler).toHaveBeenCalledTimes(1);
  });

  test("a copy that arrives while the first is failing processes the item itself", async () => {
    const webhooks = createWebhooks({ verifyToken: TOKEN, dedupe: true });
    const gate = deferred();
    let calls = 0;
    webhooks.on("message.text", async () => {
      calls++;
      if (calls === 1) {
        await gate.promise;
        throw new Error("first attempt fails");
      }
    });
    const first = webhooks.handle(webhookRequest(textExample));
    const copy = webhooks.handle(webhookRequest(textExample));
    await new Promise((resolve) => setTimeout(resolve, 10));
    gate.resolve();
    expect([(await first).status, (await copy).status]).toEqual([500, 200]);
    expect(calls).toBe(2);
  });

  test("a status is keyed on id + status: a later status of the same message is not a duplicate", async () => {
    const webhooks = createWebhooks({ verifyToken: TOKEN, dedupe: true });
    const seen: string[] = [];
    webhooks.on("status", ({ payload }) => void seen.push(`${payload.id}:${payload.status}`));
    const sent = example("status");
    sent.statuses = [{ id: "m1", status: "SENT" }];
    const read = example("status");
    read.statuses = [{ id: "m1", status: "READ" }];
    await webhooks.receive(sent);
    await webhooks.receive(read);
    await webhooks.receive(read);
    expect(seen).toEqual(["m1:SENT", "m1:READ"]);
  });

  test("events are keyed on eventId; without one, on a hash of the item and its context", async () => {
    const webhooks = createWebhooks({ verifyToken: TOKEN, dedupe: true });
    const seen: string[] = [];
    webhooks.on("event", ({ payload }) => void seen.push(payload.eventId ?? payload.eventCode));
    const withId = example("event");
    const renamed = example("event");
    renamed.events![0]!.sessionId = "another-session"; // same eventId: still the same event
    const noId = example("event");
    delete noId.events![0]!.eventId;
    const otherNoId = example("event");
    delete otherNoId.events![0]!.eventId;
    otherNoId.events![0]!.sessionId = "another-session";
    for (const body of [withId, renamed, noId, noId, otherNoId]) await webhooks.receive(body);
    expect(seen).toEqual(["6520d5f8a1b2c3d4e5f60b01", "SESSION_ROUTED", "SESSION_ROUTED"]);
  });

  test("the same actionCode for three different contacts runs the handler three times", async () => {
    const webhooks = createWebhooks({ verifyToken: TOKEN, dedupe: true });
    const seen: string[] = [];
    webhooks.on("action", ({ payload, contact }) => {
      seen.push(`${payload.actionCode}@${contact?.contactId}`);
    });
    const forContact = (contactId: string) => {
      const body = example("action");
      body.contacts = [{ ...body.contacts![0]!, contactId }];
      return body;
    };
    for (const contactId of ["c-1", "c-2", "c-3"]) {
      const status = await webhooks.handle(webhookRequest(forContact(contactId)));
      expect(status.status).toBe(200);
    }
    // A platform retry of one of them is still a duplicate.
    await webhooks.handle(webhookRequest(forContact("c-2")));
    expect(seen).toEqual(["SEND_INVOICE@c-1", "SEND_INVOICE@c-2", "SEND_INVOICE@c-3"]);
  });

  test("the same action twice in one notification, or from another app (meta), runs each time", async () => {
    const webhooks = createWebhooks({ verifyToken: TOKEN, dedupe: true });
    let calls = 0;
    webhooks.on("action", () => void calls++);
    const twice = example("action");
    twice.actions = [twice.actions![0]!, twice.actions![0]!];
    const otherApp = example("action");
    otherApp.meta = { ...otherApp.meta, appId: "another-app" };
    await webhooks.receive(twice);
    await webhooks.receive(otherApp);
    expect(calls).toBe(3);
  });

  test("identical events without an eventId, for different contacts, run once per contact", async () => {
    const webhooks = createWebhooks({ verifyToken: TOKEN, dedupe: true });
    const seen: unknown[] = [];
    webhooks.on("event", ({ contact }) => void seen.push(contact?.contactId));
    // The items are identical; only the notification's one contact differs.
    const forContact = (contactId: string) => {
      const body = example("event");
      const event = body.events![0]!;
      delete event.eventId;
      delete event.contactId;
      delete event.contact;
      body.contacts = [{ contactId }];
      return body;
    };
    for (const contactId of ["c-1", "c-2", "c-1"]) await webhooks.receive(forContact(contactId));
    expect(seen).toEqual(["c-1", "c-2"]);
  });

  test("actions (no id) are keyed on a hash of the item and its notification context", async () => {
    const webhooks = createWebhooks({ verifyToken: TOKEN, dedupe: true });
    const seen: string[] = [];
    webhooks.on("action", ({ payload }) => void seen.push(payload.actionCode));
    const other = example("action");
    other.actions = [{ actionCode: "CLOSE_TICKET" }];
    for (const body of [
      messageNotificationExamples.action,
      messageNotificationExamples.action,
      other,
    ]) {
      await webhooks.receive(body);
    }
    expect(seen).toEqual(["SEND_INVOICE", "CLOSE_TICKET"]);
  });

  test("a claim store is claimed before the handlers and released when they fail", async () => {
    const log: string[] = [];
    const held = new Set<string>();
    const store: DedupeClaimStore = {
      async claim(key) {
        log.push(`claim ${key}`);
        if (held.has(key)) return false;
        held.add(key);
        return true;
      },
      async release(key) {
        log.push(`release ${key}`);
        held.delete(key);
      },
    };
    await failThenSucceedTwice(store, 60_000, log);
    const key = "message:6520d5f8a1b2c3d4e5f60a01";
    expect(log).toEqual([
      `claim ${key}`,
      "handler",
      `release ${key}`,
      `claim ${key}`,
      "handler",
      `claim ${key}`,
    ]);
  });

  test("a has/set store is set only after every handler of the item succeeded", async () => {
    const log: string[] = [];
    const keys = new Map<string, number>();
    const store: DedupeCheckStore = {
      async has(key) {
        log.push(`has ${key}`);
        return keys.has(key);
      },
      async set(key, ttlMs) {
        log.push(`set ${key} ${ttlMs}`);
        keys.set(key, ttlMs);
      },
    };
    await failThenSucceedTwice(store, 1234, log);
    const key = "message:6520d5f8a1b2c3d4e5f60a01";
    expect(log).toEqual([
      `has ${key}`,
      "handler",
      `has ${key}`,
      "handler",
      `set ${key} 1234`,
      `has ${key}`,
    ]);
  });

  test("a failing store does not lose the item: it is processed, and onError is told", async () => {
    const errors: WebhookError[] = [];
    const store: DedupeClaimStore = {
      claim: () => Promise.reject(new Error("redis down")),
      release: () => Promise.reject(new Error("redis down")),
    };
    const webhooks = createWebhooks({
      verifyToken: TOKEN,
      dedupe: { store },
      onError: (error) => void errors.push(error),
    });
    const handler = vi.fn();
    webhooks.on("message", handler);
    const response = await webhooks.handle(webhookRequest(textExample));
    expect(response.status).toBe(200);
    expect(handler).toHaveBeenCalledTimes(1);
    expect(errors.map((e) => e.name)).toEqual(["DedupeStoreError"]);
  });

  test("the memory store forgets a key after its TTL", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const store = createMemoryDedupeStore();
    expect(await store.claim("k", 1000)).toBe(true);
    vi.advanceTimersByTime(999);
    expect(await store.claim("k", 1000)).toBe(false);
    vi.advanceTimersByTime(2);
    expect(await store.claim("k", 1000)).toBe(true);
  });

  test("the memory store keeps at most maxEntries keys, dropping the oldest", async () => {
    const store = createMemoryDedupeStore({ maxEntries: 3 });
    for (const key of ["a", "b", "c", "d", "e"]) expect(await store.claim(key, 60_000)).toBe(true);
    expect(store.size).toBe(3);
    expect(await store.claim("e", 60_000)).toBe(false);
    expect(await store.claim("a", 60_000)).toBe(true);
  });

  test("the memory store drops expired keys first when it is full", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const store = createMemoryDedupeStore({ maxEntries: 2 });
    await store.claim("short", 10);
    await store.claim("long", 60_000);
    vi.advanceTimersByTime(20);
    await store.claim("new", 60_000);
    expect(await store.claim("long", 60_000)).toBe(false);
    expect(store.size).toBe(2);
  });

  test("receive() de-duplicates too", async () => {
    const webhooks = createWebhooks({ verifyToken: TOKEN, dedupe: true });
    const handler = vi.fn();
    webhooks.on("message", handler);
    await webhooks.receive(textExample);
    await webhooks.receive(textExample);
    expect(handler).toHaveBeenCalledTimes(1);
  });
});
