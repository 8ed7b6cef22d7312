import { afterEach, describe, expect, test, vi } from "vitest";
import { createClient, isXmsError, type ClientOptions } from "../../src/index.js";
import { apiKey, json, okBody, startFaultServer, textMessage } from "../helpers/fault-server.js";

afterEach(() => {
  vi.unstubAllEnvs();
});

function thrownBy(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    expect(isXmsError(error)).toBe(true);
    return error as Error;
  }
  return expect.fail("expected an XmsError");
}

async function rejectionOf(call: Promise<unknown>): Promise<Error> {
  const error = await call.then(
    () => expect.fail("expected a rejection"),
    (e: unknown) => e,
  );
  expect(isXmsError(error)).toBe(true);
  return error as Error;
}

// The retry-storm inputs: an unset variable (NaN), -1, a string, and Infinity.
const badCounts: unknown[] = [NaN, -1, "none", Infinity, 1.5];
const badTimeouts: unknown[] = [NaN, 0, -5, Infinity, "100"];

describe("createClient refuses bad options with an XmsError naming the option", () => {
  test.each(badCounts)("maxRetries: %s", (value) => {
    const error = thrownBy(() => createClient({ apiKey, maxRetries: value as number }));
    expect(error.message).toContain("maxRetries must be a finite integer >= 0");
  });

  test.each(badTimeouts)("timeoutMs and deadlineMs: %s", (value) => {
    for (const name of ["timeoutMs", "deadlineMs"]) {
      const error = thrownBy(() => createClient({ apiKey, [name]: value } as ClientOptions));
      expect(error.message).toContain(`${name} must be a finite number of ms > 0`);
    }
  });

  test.each(["127.0.0.1:4010", "ftp://example.com", "/xms", ""])("baseUrl: %j", (value) => {
    const error = thrownBy(() => createClient({ apiKey, baseUrl: value }));
    expect(error.message).toMatch(/baseUrl must be an absolute http\(s\) URL/);
    expect(error.message).toContain(JSON.stringify(value));
  });

  test("logLevel outside debug/info/warn/error/off", () => {
    const error = thrownBy(() => createClient({ apiKey, logLevel: "verbose" as never }));
    expect(error.message).toContain("logLevel must be one of");
  });

  test("undefined takes the default, as exactOptionalPropertyTypes code passes it", () => {
    expect(() =>
      createClient({ apiKey, maxRetries: undefined, timeoutMs: undefined, baseUrl: undefined }),
    ).not.toThrow();
  });
});

describe("per-call options are checked before anything is sent, on both call styles", () => {
  test.each(badCounts)("maxRetries: %s", async (value) => {
    const server = await startFaultServer((_req, res) => json(res, 429, {}));
    const xms = createClient({ apiKey, baseUrl: server.url });
    const viaResource = await rejectionOf(
      xms.messages.send(textMessage, { maxRetries: value as number }),
    );
    expect(viaResource.message).toContain("the call's maxRetries must be a finite integer >= 0");
    const viaPath = await rejectionOf(
      xms.POST("/api/v1/message/send", { body: textMessage, maxRetries: value as number }),
    );
    expect(viaPath.message).toContain("the call's maxRetries");
    expect(server.attempts).toBe(0);
    await server.close();
  });

  test.each(badTimeouts)("timeoutMs: %s", async (value) => {
    const xms = createClient({ apiKey, baseUrl: "http://127.0.0.1:9" });
    const error = await rejectionOf(
      xms.GET("/api/v1/config/channels", { timeoutMs: value as number }),
    );
    expect(error.message).toContain("the call's timeoutMs must be a finite number of ms > 0");
  });
});

describe("a call's backoff options, outside the typed three, are checked and applied like the client's", () => {
  test("retryBaseDelayMs: -1 is refused on both call styles before anything is sent", async () => {
    const server = await startFaultServer((_req, res) => json(res, 200, okBody));
    const xms = createClient({ apiKey, baseUrl: server.url });
    const bad = { retryBaseDelayMs: -1 } as never;
    const viaResource = await rejectionOf(xms.messages.send(textMessage, bad));
    expect(viaResource.message).toContain("the call's retryBaseDelayMs must be a finite number");
    const viaPath = await rejectionOf(
      xms.POST("/api/v1/message/send", { body: textMessage, retryBaseDelayMs: -1 }),
    );
    expect(viaPath.message).toContain("the call's retryBaseDelayMs");
    expect(server.attempts).toBe(0);
    await server.close();
  });

  test("maxRetryAfterMs: 500 gives up on a 429 asking for 1 s, where the client would wait", async () => {
    const server = await startFaultServer((_req, res) =>
      json(res, 429, {}, { "retry-after": "1" }),
    );
    const xms = createClient({ apiKey, baseUrl: server.url });
    const options = { maxRetryAfterMs: 500 } as never;
    await expect(xms.config.listChannels(undefined, options)).rejects.toMatchObject({
      status: 429,
    });
    const { response } = await xms.GET("/api/v1/config/channels", { maxRetryAfterMs: 500 });
    expect(response.status).toBe(429);
    expect(server.attempts).toBe(2);
    await server.close();
  });
});

test("XMS_BASE_URL is read like the credentials, and checked like baseUrl", async () => {
  const server = await startFaultServer((_req, res) => json(res, 200, okBody));
  vi.stubEnv("XMS_BASE_URL", `${server.url}/`);
  await expect(createClient({ apiKey }).config.listChannels()).resolves.toEqual(okBody);
  expect(server.attempts).toBe(1);
  vi.stubEnv("XMS_BASE_URL", "127.0.0.1:4010");
  expect(thrownBy(() => createClient({ apiKey })).message).toContain("XMS_BASE_URL must be");
  await server.close();
});
