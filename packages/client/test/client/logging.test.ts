import { afterEach, expect, test, vi } from "vitest";
import { createClient, type AttemptLog, type Logger } from "../../src/index.js";
import {
  apiId,
  apiKey,
  closedPort,
  json,
  okBody,
  startFaultServer,
  textMessage,
} from "../helpers/fault-server.js";

afterEach(() => {
  vi.unstubAllEnvs();
});

/** A logger that records every line, by level. */
function recorder() {
  const lines: { level: string; message: string; details: AttemptLog }[] = [];
  const at =
    (level: string) =>
    (message: string, details?: object): void => {
      lines.push({ level, message, details: details as AttemptLog });
    };
  const logger: Logger = {
    debug: at("debug"),
    info: at("info"),
    warn: at("warn"),
    error: at("error"),
  };
  return { logger, lines };
}

const verifyToken = "vt_SECRET-VERIFY-TOKEN-19ac";

test("logLevel debug writes one line per attempt: method, path, status, attempt, delay, duration", async () => {
  const server = await startFaultServer((_req, res, attempt) =>
    attempt == 1 ? json(res, 429, {}, { "retry-after": "0" }) : json(res, 200, okBody),
  );
  const { logger, lines } = recorder();
  const xms = createClient({ apiKey, apiId, baseUrl: server.url, logger, logLevel: "debug" });
  await xms.messages.send(textMessage);
  expect(lines.map((l) => l.level)).toEqual(["info", "debug"]);
  expect(lines[0]!.message).toMatch(
    /^xms: POST \/api\/v1\/message\/send 429 \(attempt 1, \d+ ms, retry in 0 ms\)$/,
  );
  expect(lines[1]!.message).toMatch(
    /^xms: POST \/api\/v1\/message\/send 200 \(attempt 2, \d+ ms\)$/,
  );
  expect(lines[1]!.details).toMatchObject({
    method: "POST",
    path: "/api/v1/message/send",
    status: 200,
    attempt: 2,
    delayMs: undefined,
  });
  expect(lines[1]!.details.durationMs).toBeGreaterThanOrEqual(0);
  await server.close();
});

test("the log redacts x-api-key, x-api-id and a verify token, on both call styles", async () => {
  const server = await startFaultServer((_req, res) => json(res, 200, okBody));
  const { logger, lines } = recorder();
  const xms = createClient({ apiKey, apiId, baseUrl: server.url, logger, logLevel: "debug" });
  await xms.config.listChannels({}, { headers: { "x-verify-token": verifyToken } });
  await xms.GET("/api/v1/config/channels", { headers: { "x-verify-token": verifyToken } });
  expect(lines).toHaveLength(2);
  for (const { details } of lines) {
    expect(details.headers).toMatchObject({
      "x-api-key": "[redacted]",
      "x-api-id": "[redacted]",
      "x-verify-token": "[redacted]",
    });
  }
  const written = JSON.stringify(lines);
  for (const secret of [apiKey, apiId, verifyToken]) expect(written).not.toContain(secret);
  await server.close();
});

test("a failed attempt logs its error code in place of a status", async () => {
  const { logger, lines } = recorder();
  const baseUrl = `http://127.0.0.1:${await closedPort()}`;
  const xms = createClient({ apiKey, baseUrl, logger, logLevel: "debug" });
  await expect(xms.config.listChannels(undefined, { maxRetries: 0 })).rejects.toThrow();
  expect(lines).toHaveLength(1);
  expect(lines[0]!.details.status).toBe("ECONNREFUSED");
});

test("XMS_LOG=debug turns the lines on; by default nothing is logged", async () => {
  const server = await startFaultServer((_req, res) => json(res, 200, okBody));
  const quiet = recorder();
  await createClient({ apiKey, baseUrl: server.url, logger: quiet.logger }).config.listChannels();
  expect(quiet.lines).toEqual([]);
  vi.stubEnv("XMS_LOG", "debug");
  const loud = recorder();
  await createClient({ apiKey, baseUrl: server.url, logger: loud.logger }).config.listChannels();
  expect(loud.lines).toHaveLength(1);
  await server.close();
});
