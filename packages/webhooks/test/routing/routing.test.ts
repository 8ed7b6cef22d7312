import { describe, expect, test, vi } from "vitest";
import { createNodeMiddleware, createWebhooks, WEBHOOK_PATHS } from "../../src/index.js";
import { kindOfPath, kindOfShape, pathnameOfAbsolute } from "../../src/routing.js";
import { listen } from "../helpers/server.js";
import {
  TOKEN,
  contactInfoExample,
  notificationExamples,
  textExample,
  webhookInit,
  webhookRequest,
} from "../helpers/requests.js";

function setup() {
  const webhooks = createWebhooks({ verifyToken: TOKEN });
  const message = vi.fn();
  const answer = vi.fn(() => ({ name: "Jane" }));
  webhooks.on("message", message);
  webhooks.onContactInfo(answer);
  return { webhooks, message, answer };
}

describe("routing by shape (one URL for both webhooks)", () => {
  test("a body with contactId and no notification arrays is a contact-info request", () => {
    expect(kindOfShape(contactInfoExample)).toBe("contactInfo");
    expect(kindOfShape({ contactId: "x" })).toBe("contactInfo");
  });

  test.each(notificationExamples)("the %s example is a notification", (_, example) => {
    expect(kindOfShape(example)).toBe("notification");
  });

  test.each(["messages", "statuses", "events", "actions", "contacts"])(
    "a body with contactId and %s is a notification",
    (key) => {
      expect(kindOfShape({ contactId: "x", [key]: [] })).toBe("notification");
    },
  );

  test("handle() at a single URL answers each webhook by its shape", async () => {
    const { webhooks, message, answer } = setup();
    const url = "http://127.0.0.1/hooks/xms";
    const notified = await webhooks.handle(webhookRequest(textExample, { url }));
    expect(notified.status).toBe(200);
    expect(message).toHaveBeenCalledTimes(1);
    const asked = await webhooks.handle(webhookRequest(contactInfoExample, { url }));
    expect(await asked.json()).toEqual({ name: "Jane" });
    expect(answer).toHaveBeenCalledTimes(1);
  });
});

describe("a body the path gets wrong is not dropped", () => {
  test("a contact-info request posted to the notification path reaches onContactInfo and is answered", async () => {
    const { webhooks, message, answer } = setup();
    const url = `http://127.0.0.1/hooks${WEBHOOK_PATHS.notification}`;
    const response = await webhooks.handle(webhookRequest(contactInfoExample, { url }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ name: "Jane" });
    expect(answer).toHaveBeenCalledTimes(1);
    expect(message).not.toHaveBeenCalled();
  });
});

describe("routing by published path", () => {
  test("the published paths are the spec's", () => {
    expect(WEBHOOK_PATHS).toEqual({
      notification: "/api/v1/message/receive",
      contactInfo: "/api/v1/contact/info",
    });
  });

  test.each([
    ["/api/v1/message/receive", "notification"],
    ["/webhooks/api/v1/message/receive", "notification"],
    ["/webhooks/api/v1/message/receive/", "notification"],
    ["/webhooks/api/v1/contact/info", "contactInfo"],
    ["/webhooks", undefined],
    ["/webhooks/api/v1/contact", undefined],
  ])("%s routes to %s", (path, kind) => {
    expect(kindOfPath(path)).toBe(kind);
  });

  test("the path wins over the shape: a notification-shaped body at /contact/info is checked as a contact-info request", async () => {
    const { webhooks, message } = setup();
    const response = await webhooks.handle(
      webhookRequest(textExample, { url: `http://127.0.0.1/webhooks${WEBHOOK_PATHS.contactInfo}` }),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      errors: [{ pointer: "/contactId", message: "is required" }],
    });
    expect(message).not.toHaveBeenCalled();
  });

  test("the Node middleware serves its path and the published paths under it, and passes the rest to next()", async () => {
    const { webhooks, message, answer } = setup();
    const middleware = createNodeMiddleware(webhooks, { path: "/webhooks" });
    const passed: string[] = [];
    const base = await listen((req, res) => {
      void middleware(req, res, () => {
        passed.push(req.url ?? "");
        res.statusCode = 418;
        res.end();
      });
    });
    const post = (path: string, body: unknown) => fetch(`${base}${path}`, webhookInit(body));
    expect((await post("/webhooks", textExample)).status).toBe(200);
    expect((await post("/webhooks/api/v1/message/receive", textExample)).status).toBe(200);
    const asked = await post("/webhooks/api/v1/contact/info", contactInfoExample);
    expect(await asked.json()).toEqual({ name: "Jane" });
    expect((await post("/webhooks/api/v1/contact/info", textExample)).status).toBe(400);
    expect((await post("/other", textExample)).status).toBe(418);
    expect((await post("/webhooksX", textExample)).status).toBe(418);
    expect(passed).toEqual(["/other", "/webhooksX"]);
    expect(message).toHaveBeenCalledTimes(2);
    expect(answer).toHaveBeenCalledTimes(1);
  });

  test("the Node middleware answers 404 off its path when there is no next()", async () => {
    const { webhooks } = setup();
    const base = await listen(createNodeMiddleware(webhooks, { path: "/webhooks" }));
    const response = await fetch(`${base}/elsewhere`, webhookInit(textExample));
    expect(response.status).toBe(404);
  });

  test("createNodeMiddleware() rejects a path that does not start with /", () => {
    expect(() => createNodeMiddleware(setup().webhooks, { path: "webhooks" })).toThrow(
      /^@mehery\/xms-webhooks: /,
    );
  });
});

describe("the path of a Request's URL", () => {
  test.each([
    "http://127.0.0.1/webhooks",
    "http://127.0.0.1:3000/webhooks/api/v1/message/receive?x=1",
    "https://user:p%2Fw@example.com/hooks/api/v1/contact/info/#frag?not-a-query",
    "https://example.com?q=/api/v1/contact/info",
    "http://example.com/a%20b/../c/./d?e#f",
    "http://[::1]:8080/webhooks#/api/v1/contact/info",
    "file:///tmp/api/v1/message/receive",
  ])("is what URL.pathname says for %s", (href) => {
    // request.url is the URL serialized (Requests refuse credentials; URL does not).
    const serialized = new URL(href).href;
    expect(pathnameOfAbsolute(serialized)).toBe(new URL(serialized).pathname);
  });
});
