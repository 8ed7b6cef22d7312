import { afterEach, describe, expect, test } from "vitest";
import {
  createClient,
  isXmsApiError,
  isXmsAuthenticationError,
  isXmsInternalServerError,
  isXmsRateLimitError,
  isXmsResponseParseError,
  type ClientOptions,
  type RetryInfo,
} from "../../src/index.js";
import {
  apiId,
  apiKey,
  json,
  okBody,
  startFaultServer,
  textMessage,
  type FaultServer,
} from "../helpers/fault-server.js";

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function client(url: string, options: ClientOptions = {}) {
  return createClient({
    apiKey,
    apiId,
    baseUrl: url,
    retryBaseDelayMs: 1,
    retryMaxDelayMs: 10,
    ...options,
  });
}

/** Runs `call` and returns what it threw (fails the test when it resolves). */
async function thrown(call: Promise<unknown>): Promise<unknown> {
  return call.then(
    (value) => expect.fail(`expected a rejection, got ${JSON.stringify(value)}`),
    (error: unknown) => error,
  );
}

describe("429 Too Many Requests", () => {
  test("send() retries a 429 after the Retry-After seconds it names, with the same body", async () => {
    const bodies: string[] = [];
    server = await startFaultServer((_req, res, attempt, body) => {
      bodies.push(body);
      if (attempt == 1) json(res, 429, { message: "Too many requests" }, { "retry-after": "1" });
      else json(res, 200, okBody);
    });
    const retries: RetryInfo[] = [];
    const xms = client(server.url, { onRetry: (info) => retries.push(info) });
    await expect(xms.messages.send(textMessage)).resolves.toEqual(okBody);
    expect(server.attempts).toBe(2);
    expect(retries).toHaveLength(1);
    expect(retries[0]).toMatchObject({
      attempt: 1,
      delayMs: 1000,
      method: "POST",
      url: `${server.url}/api/v1/message/send`,
    });
    expect(retries[0]?.response?.status).toBe(429);
    expect(bodies).toEqual([JSON.stringify(textMessage), JSON.stringify(textMessage)]);
  });

  test("send() honours a Retry-After given as an HTTP date", async () => {
    server = await startFaultServer((_req, res, attempt) =>
      attempt == 1
        ? json(res, 429, {}, { "retry-after": new Date(Date.now() + 2000).toUTCString() })
        : json(res, 200, okBody),
    );
    const delays: number[] = [];
    const xms = client(server.url, { onRetry: ({ delayMs }) => delays.push(delayMs) });
    await expect(xms.messages.send(textMessage)).resolves.toEqual(okBody);
    expect(server.attempts).toBe(2);
    // The date has a one-second resolution: the wait is what is left of the 1 to 2 s it names.
    expect(delays).toHaveLength(1);
    expect(delays[0]).toBeGreaterThan(0);
    expect(delays[0]).toBeLessThanOrEqual(2000);
  });

  test("a Retry-After beyond maxRetryAfterMs is not waited for: the 429 is thrown after one attempt", async () => {
    server = await startFaultServer((_req, res) =>
      json(res, 429, { message: "Too many requests", traceid: "t-429" }, { "retry-after": "120" }),
    );
    const error = await thrown(client(server.url).messages.send(textMessage));
    expect(isXmsRateLimitError(error)).toBe(true);
    expect(error).toMatchObject({
      status: 429,
      traceId: "t-429",
      message: `429 Too many requests [traceid t-429]: POST ${server.url}/api/v1/message/send`,
    });
    expect(server.attempts).toBe(1);
  });

  test("a 429 without Retry-After is retried after a jittered backoff within the configured cap", async () => {
    server = await startFaultServer((_req, res, attempt) =>
      attempt < 3 ? json(res, 429, {}) : json(res, 200, okBody),
    );
    const delays: number[] = [];
    const xms = client(server.url, {
      retryBaseDelayMs: 4,
      retryMaxDelayMs: 6,
      onRetry: ({ delayMs }) => delays.push(delayMs),
    });
    await expect(xms.config.listChannels()).resolves.toEqual(okBody);
    expect(server.attempts).toBe(3);
    expect(delays).toHaveLength(2);
    expect(delays[0]).toBeLessThan(4); // full jitter: [0, base)
    expect(delays[1]).toBeLessThan(6); // [0, min(cap, 2 * base))
  });

  test("the path API returns the last 429 once the retries are spent", async () => {
    server = await startFaultServer((_req, res) => json(res, 429, { message: "slow down" }));
    const { data, error, response } = await client(server.url).POST("/api/v1/message/send", {
      body: textMessage,
    });
    expect(data).toBeUndefined();
    expect(error).toEqual({ message: "slow down" });
    expect(response.status).toBe(429);
    expect(server.attempts).toBe(3);
  });
});

describe("5xx", () => {
  test("listChannels() retries a 503 and returns the data of the attempt that succeeds", async () => {
    server = await startFaultServer((_req, res, attempt) =>
      attempt == 1 ? json(res, 503, { message: "unavailable" }) : json(res, 200, okBody),
    );
    await expect(client(server.url).config.listChannels()).resolves.toEqual(okBody);
    expect(server.attempts).toBe(2);
  });

  test("the path API retries a 503 on a GET", async () => {
    server = await startFaultServer((_req, res, attempt) =>
      attempt < 3 ? json(res, 503, {}) : json(res, 200, okBody),
    );
    const { data, response } = await client(server.url).GET("/api/v1/config/channels");
    expect(response.status).toBe(200);
    expect(data).toEqual(okBody);
    expect(server.attempts).toBe(3);
  });

  test("sessions.listMessages() (a POST the spec marks idempotent) retries a 502", async () => {
    server = await startFaultServer((_req, res, attempt) =>
      attempt == 1 ? json(res, 502, {}) : json(res, 200, okBody),
    );
    await expect(client(server.url).sessions.listMessages({ sessionId: "s1" })).resolves.toEqual(
      okBody,
    );
    expect(server.attempts).toBe(2);
  });

  test("send() does not retry a 500: one attempt, XmsInternalServerError", async () => {
    server = await startFaultServer((_req, res) =>
      json(res, 500, { message: "Internal error", traceid: "t-500" }),
    );
    const error = await thrown(client(server.url).messages.send(textMessage));
    expect(isXmsInternalServerError(error)).toBe(true);
    expect(error).toMatchObject({ status: 500, traceId: "t-500", method: "POST" });
    expect(server.attempts).toBe(1);
  });

  test("the path API does not retry a 503 on a send: it returns it after one attempt", async () => {
    server = await startFaultServer((_req, res) => json(res, 503, { message: "unavailable" }));
    const { error, response } = await client(server.url).POST("/api/v1/message/send", {
      body: textMessage,
    });
    expect(response.status).toBe(503);
    expect(error).toEqual({ message: "unavailable" });
    expect(server.attempts).toBe(1);
  });

  test("every non-idempotent resource method is tried once on a 503", async () => {
    server = await startFaultServer((_req, res) => json(res, 503, {}));
    const xms = client(server.url);
    const calls = [
      () => xms.messages.send(textMessage),
      () => xms.sessions.close({ sessionId: "s1" }),
      () => xms.sessions.resolve({ sessionId: "s1" }),
      () => xms.sessions.route({ sessionId: "s1", queue: "q" }),
      () => xms.contacts.updateLanguage({ contactId: "c1", lang: "en_US" }),
      () => xms.analytics.pushData({ id: "c1", type: "CUSTOMER" }),
      () => xms.analytics.pushEvent({ id: "e1", eventName: "E" }),
      () => xms.config.setWebhook({ url: "https://example.com/hook" }),
    ];
    for (const [i, call] of calls.entries()) {
      expect(isXmsInternalServerError(await thrown(call()))).toBe(true);
      expect(server.attempts).toBe(i + 1);
    }
  });

  test("an HTML 502 page becomes an XmsApiError with status 502 and no body", async () => {
    server = await startFaultServer((_req, res) => {
      res.writeHead(502, { "content-type": "text/html" });
      res.end("<html><body><h1>502 Bad Gateway</h1></body></html>");
    });
    const error = await thrown(client(server.url, { maxRetries: 0 }).config.listChannels());
    expect(isXmsApiError(error)).toBe(true);
    expect(error).toMatchObject({
      status: 502,
      body: undefined,
      errors: [],
      message:
        `502 Bad Gateway: GET ${server.url}/api/v1/config/channels. The body is not the API's ` +
        `JSON error envelope: check baseUrl (${server.url}); the production one is https://api.mehery.xyz/xms`,
    });
  });
});

describe("never retried", () => {
  test("a 401 is never retried and throws XmsAuthenticationError", async () => {
    server = await startFaultServer((_req, res) =>
      json(res, 401, { message: "Unauthorized", messageKey: "UNAUTHORIZED" }),
    );
    const error = await thrown(client(server.url).config.listChannels());
    expect(isXmsAuthenticationError(error)).toBe(true);
    expect(error).toMatchObject({ status: 401 });
    expect((error as Error).message).toMatch(/^401 Unauthorized: GET /);
    expect(server.attempts).toBe(1);
  });

  test("maxRetries: 0 on the client disables retrying", async () => {
    server = await startFaultServer((_req, res) => json(res, 503, {}));
    await thrown(client(server.url, { maxRetries: 0 }).config.listChannels());
    expect(server.attempts).toBe(1);
  });

  test("maxRetries per call overrides the client's, in both call styles", async () => {
    server = await startFaultServer((_req, res) => json(res, 503, {}));
    const xms = client(server.url, { maxRetries: 5 });
    await thrown(xms.config.listChannels({}, { maxRetries: 1 }));
    expect(server.attempts).toBe(2);
    await xms.GET("/api/v1/config/channels", { maxRetries: 0 });
    expect(server.attempts).toBe(3);
  });
});

describe("response bodies", () => {
  test("malformed JSON in a 200 throws XmsResponseParseError", async () => {
    server = await startFaultServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end('{"message": "OK", "results": [');
    });
    const error = await thrown(client(server.url).config.listChannels());
    expect(isXmsResponseParseError(error)).toBe(true);
    expect(error).toMatchObject({ status: 200, method: "GET" });
    expect((error as Error).cause).toBeInstanceOf(SyntaxError);
    expect(server.attempts).toBe(1);
  });

  test("an HTML page in a 200 throws XmsResponseParseError", async () => {
    server = await startFaultServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<!doctype html><title>Login</title>");
    });
    expect(
      isXmsResponseParseError(await thrown(client(server.url).messages.send(textMessage))),
    ).toBe(true);
  });

  test("a field error names the field in errors and in the message", async () => {
    server = await startFaultServer((_req, res) =>
      json(res, 400, {
        message: "Invalid request",
        errors: [
          { field: "to.phone", code: "INVALID", description: "phone must be a valid number" },
        ],
      }),
    );
    const error = await thrown(client(server.url).messages.send(textMessage));
    expect(error).toMatchObject({
      name: "XmsBadRequestError",
      message: `400 Invalid request (to.phone: phone must be a valid number): POST ${server.url}/api/v1/message/send`,
      errors: [{ field: "to.phone" }],
    });
  });
});
