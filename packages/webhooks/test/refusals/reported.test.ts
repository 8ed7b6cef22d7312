import { describe, expect, test } from "vitest";
import {
  WebhookPayloadError,
  WebhookRefusedError,
  createNodeMiddleware,
  createWebhooks,
  type WebhookError,
} from "../../src/index.js";
import { TOKEN, textExample, webhookInit, webhookRequest } from "../helpers/requests.js";
import { listen } from "../helpers/server.js";

/** A receiver whose onError collects what it is given. */
function receiver(options: { maxBodyBytes?: number; verifyToken?: string } = {}) {
  const errors: WebhookError[] = [];
  const webhooks = createWebhooks({
    verifyToken: options.verifyToken ?? TOKEN,
    ...(options.maxBodyBytes ? { maxBodyBytes: options.maxBodyBytes } : {}),
    onError: (error) => void errors.push(error),
  });
  return { webhooks, errors };
}

const refusals: Array<[string, number, string, Request]> = [
  ["a GET", 405, "method_not_allowed", webhookRequest(null, { method: "GET" })],
  [
    "no token",
    401,
    "unauthorized",
    webhookRequest(textExample, { headers: { "x-verify-token": null } }),
  ],
  [
    "a wrong token",
    401,
    "unauthorized",
    webhookRequest(textExample, { headers: { "x-verify-token": "nope" } }),
  ],
  [
    "text/plain",
    415,
    "unsupported_media_type",
    webhookRequest(textExample, { headers: { "content-type": "text/plain" } }),
  ],
  [
    "an unknown encoding",
    415,
    "unsupported_encoding",
    webhookRequest(textExample, { headers: { "content-encoding": "zstd" } }),
  ],
  [
    "a gzip body that is not gzip",
    415,
    "undecodable_body",
    webhookRequest(textExample, { headers: { "content-encoding": "gzip" } }),
  ],
  ["a body over maxBodyBytes", 413, "payload_too_large", webhookRequest({ pad: "x".repeat(5000) })],
  ["a body that is not JSON", 400, "malformed_json", webhookRequest("{")],
];

describe("every refused delivery reaches onError", () => {
  test.each(refusals)(
    "%s: handle() answers %i and onError gets a WebhookRefusedError with that status and reason %s",
    async (_, status, reason, request) => {
      const { webhooks, errors } = receiver({ maxBodyBytes: 4096 });
      const response = await webhooks.handle(request);
      expect(response.status).toBe(status);
      expect(await response.json()).toEqual({ error: reason });
      expect(errors).toHaveLength(1);
      const error = errors[0] as WebhookRefusedError;
      expect(error).toBeInstanceOf(WebhookRefusedError);
      expect(error).toMatchObject({ status, reason, name: "WebhookRefusedError" });
      expect(error.message).toContain(`${status} ${reason}`);
    },
  );

  test("an invalid payload is reported once, as a WebhookPayloadError with status 400 and reason invalid_payload", async () => {
    const { webhooks, errors } = receiver();
    const response = await webhooks.handle(webhookRequest({ messages: [{ id: 1 }] }));
    expect(response.status).toBe(400);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(WebhookPayloadError);
    expect(errors[0]).toMatchObject({ status: 400, reason: "invalid_payload" });
  });

  test("a wrong token's report says the header matched no token, and never holds either token", async () => {
    const { webhooks, errors } = receiver();
    await webhooks.handle(
      webhookRequest(textExample, { headers: { "x-verify-token": "forged-secret-77" } }),
    );
    await webhooks.handle(webhookRequest(textExample, { headers: { "x-verify-token": null } }));
    expect(errors.map((error) => error.message)).toEqual([
      expect.stringContaining("matches no configured verifyToken"),
      expect.stringContaining("no x-verify-token header"),
    ]);
    for (const error of errors) {
      const dump = `${error.message} ${JSON.stringify(error)} ${String(error.stack)}`;
      expect(dump).not.toContain(TOKEN);
      expect(dump).not.toContain("forged-secret-77");
    }
  });

  test("the Node middleware reports its refusals too, including a path outside its mount (404)", async () => {
    const { webhooks, errors } = receiver();
    const base = await listen(createNodeMiddleware(webhooks, { path: "/webhooks" }));
    expect((await fetch(`${base}/elsewhere`, webhookInit(textExample))).status).toBe(404);
    const wrong = await fetch(
      `${base}/webhooks`,
      webhookInit(textExample, { "x-verify-token": "x" }),
    );
    expect(wrong.status).toBe(401);
    expect(
      errors.map((error) => [
        (error as WebhookRefusedError).status,
        (error as WebhookRefusedError).reason,
      ]),
    ).toEqual([
      [404, "not_found"],
      [401, "unauthorized"],
    ]);
    expect(errors[0]?.message).toContain("/elsewhere is not under /webhooks");
  });

  test("a delivery that succeeds reports nothing", async () => {
    const { webhooks, errors } = receiver();
    expect((await webhooks.handle(webhookRequest(textExample))).status).toBe(200);
    expect(errors).toEqual([]);
  });
});

describe("a verifyToken with surrounding whitespace", () => {
  test("is trimmed: a token read from a file with a trailing newline accepts the platform's deliveries", async () => {
    const { webhooks, errors } = receiver({ verifyToken: `  ${TOKEN}\n` });
    expect((await webhooks.handle(webhookRequest(textExample))).status).toBe(200);
    expect(errors).toEqual([]);
  });

  test("is trimmed in a list as well, and the trimmed token still refuses others", async () => {
    const webhooks = createWebhooks({ verifyToken: ["old\r\n", `\t${TOKEN} `] });
    const old = webhookRequest(textExample, { headers: { "x-verify-token": "old" } });
    const other = webhookRequest(textExample, { headers: { "x-verify-token": "other" } });
    expect((await webhooks.handle(old)).status).toBe(200);
    expect((await webhooks.handle(webhookRequest(textExample))).status).toBe(200);
    expect((await webhooks.handle(other)).status).toBe(401);
  });

  test("a token of whitespace only is still refused at creation", () => {
    expect(() => createWebhooks({ verifyToken: " \n" })).toThrow(/non-blank/);
  });
});

describe("a body another parser already consumed", () => {
  test("the Node middleware answers 500 body_consumed, and onError says how to fix it", async () => {
    const { webhooks, errors } = receiver();
    const middleware = createNodeMiddleware(webhooks);
    // A Koa bodyparser or Fastify: reads the stream to its end and keeps the result elsewhere.
    const base = await listen((req, res) => {
      req.resume();
      req.on("end", () => void middleware(req, res));
    });
    const response = await fetch(base, webhookInit(textExample));
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: "body_consumed" });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ status: 500, reason: "body_consumed" });
    expect(errors[0]?.message).toMatch(/a body parser read the body first/);
    expect(errors[0]?.message).toMatch(/rawBody/);
    expect(errors[0]?.message).toMatch(/verifyAndReceive/);
  });

  test("handle() reports a Request whose body was read as body_consumed", async () => {
    const { webhooks, errors } = receiver();
    const used = webhookRequest(textExample);
    await used.json();
    expect((await webhooks.handle(used)).status).toBe(500);
    expect(errors[0]).toMatchObject({ status: 500, reason: "body_consumed" });
  });
});
