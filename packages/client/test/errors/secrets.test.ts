import { inspect } from "node:util";
import { afterAll, beforeAll, expect, test, vi } from "vitest";
import { createClient, isXmsError, type RetryInfo } from "../../src/index.js";
import {
  apiId,
  apiKey,
  closedPort,
  json,
  startFaultServer,
  textMessage,
  type FaultServer,
} from "../helpers/fault-server.js";

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer((req, res) => {
    const path = req.url ?? "";
    if (path.startsWith("/api/v1/message/send")) json(res, 400, { message: "Invalid request" });
    else if (path.startsWith("/api/v1/session/close")) json(res, 401, { message: "Unauthorized" });
    else if (path.startsWith("/api/v1/config/global/vars"))
      json(res, 503, {}, { "retry-after": "0" });
    else if (path.startsWith("/api/v1/config/channels")) res.end("not json");
    // anything else hangs until the client times out
  });
});
afterAll(() => server.close());

/** Every form in which an error reaches a log: message, toString, JSON, console.log / util.inspect. */
function renderings(error: unknown): string[] {
  const e = error as Error;
  return [
    e.message,
    String(e),
    e.stack ?? "",
    JSON.stringify(e),
    inspect(e),
    inspect(e, { depth: Infinity, showHidden: true, getters: true }),
  ];
}

test("no error, in any of its printed forms, contains the API key or the API id", async () => {
  const port = await closedPort();
  const retries: RetryInfo[] = [];
  const xms = createClient({
    apiKey,
    apiId,
    baseUrl: server.url,
    retryBaseDelayMs: 1,
    onRetry: (info) => retries.push(info),
  });
  const refused = createClient({
    apiKey,
    apiId,
    baseUrl: `http://127.0.0.1:${port}`,
    maxRetries: 0,
  });
  const calls = [
    xms.messages.send(textMessage), // XmsBadRequestError
    xms.sessions.close({ sessionId: "s1" }), // XmsAuthenticationError
    xms.config.listGlobalVars(), // XmsInternalServerError, after retries
    xms.config.listChannels(), // XmsResponseParseError
    xms.config.listTemplates({}, { timeoutMs: 100 }), // XmsTimeoutError, after retries
    refused.messages.send(textMessage), // XmsConnectionError, with undici's cause
    refused.GET("/api/v1/config/channels"), // the same through the path API
  ];
  const errors = await Promise.all(
    calls.map((call) =>
      call.then(
        () => undefined,
        (e: unknown) => e,
      ),
    ),
  );
  expect(errors.map((e) => (e as Error | undefined)?.name)).toEqual([
    "XmsBadRequestError",
    "XmsAuthenticationError",
    "XmsInternalServerError",
    "XmsResponseParseError",
    "XmsTimeoutError",
    "XmsConnectionError",
    "XmsConnectionError",
  ]);
  expect(retries.length).toBeGreaterThan(0);
  for (const error of errors) {
    expect(isXmsError(error)).toBe(true);
    for (const text of renderings(error)) {
      expect(text).not.toContain(apiKey);
      expect(text).not.toContain(apiId);
    }
  }
  // What onRetry hands to a logger is as clean.
  for (const info of retries) {
    const text = inspect(info, { depth: Infinity, showHidden: true });
    expect(text).not.toContain(apiKey);
    expect(text).not.toContain(apiId);
  }
});

test("the missing-credential errors name the variable, not a value", () => {
  vi.stubEnv("XMS_API_KEY", undefined);
  expect(() => createClient({ apiKey: "", apiId })).toThrow(
    "@mehery/xms-client: missing apiKey; pass it or set XMS_API_KEY",
  );
  try {
    createClient({ apiKey: "", apiId });
  } catch (error) {
    for (const text of renderings(error)) expect(text).not.toContain(apiId);
  }
  vi.unstubAllEnvs();
});
