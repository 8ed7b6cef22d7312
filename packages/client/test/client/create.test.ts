import { readFileSync } from "node:fs";
import type { IncomingHttpHeaders } from "node:http";
import { afterEach, expect, test, vi } from "vitest";
import { createClient, DEFAULT_BASE_URL, isXmsError, VERSION } from "../../src/index.js";
import { apiId, apiKey, json, okBody, startFaultServer } from "../helpers/fault-server.js";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});

/** A server that records the headers of each request it answers. */
async function echoServer() {
  const seen: IncomingHttpHeaders[] = [];
  const server = await startFaultServer((req, res) => {
    seen.push(req.headers);
    json(res, 200, okBody);
  });
  return { server, seen };
}

test("createClient throws an XmsError naming XMS_API_KEY when no apiKey is given or set", () => {
  vi.stubEnv("XMS_API_KEY", undefined);
  vi.stubEnv("XMS_API_ID", undefined);
  let error: unknown;
  try {
    createClient({ apiId });
  } catch (e) {
    error = e;
  }
  expect(isXmsError(error)).toBe(true);
  expect((error as Error).message).toBe(
    "@mehery/xms-client: missing apiKey; pass it or set XMS_API_KEY",
  );
});

test("apiKey alone is enough: x-api-id is sent only when an apiId is given or set", async () => {
  vi.stubEnv("XMS_API_ID", undefined);
  const { server, seen } = await echoServer();
  await createClient({ apiKey, baseUrl: server.url }).config.listChannels();
  await createClient({ apiKey, apiId, baseUrl: server.url }).messages.send({
    channelId: "c",
    to: { phone: "1" },
    type: "text",
    text: { body: "hi" },
  } as never);
  expect(seen[0]?.["x-api-key"]).toBe(apiKey);
  expect(seen[0]).not.toHaveProperty("x-api-id");
  expect(seen[1]?.["x-api-id"]).toBe(apiId);
  await server.close();
});

test("createClient reads XMS_API_KEY and XMS_API_ID from the environment", async () => {
  vi.stubEnv("XMS_API_KEY", apiKey);
  vi.stubEnv("XMS_API_ID", apiId);
  const { server, seen } = await echoServer();
  await createClient({ baseUrl: server.url }).config.listChannels();
  expect(seen[0]).toMatchObject({ "x-api-key": apiKey, "x-api-id": apiId });
  await server.close();
});

test("options win over the environment", async () => {
  vi.stubEnv("XMS_API_KEY", "from-env");
  const { server, seen } = await echoServer();
  await createClient({ apiKey, apiId, baseUrl: server.url }).config.listChannels();
  expect(seen[0]?.["x-api-key"]).toBe(apiKey);
  await server.close();
});

test("sends User-Agent xms-client/<version> and the client's and the call's headers", async () => {
  const { server, seen } = await echoServer();
  const xms = createClient({
    apiKey,
    apiId,
    baseUrl: `${server.url}/`,
    headers: { "x-tenant": "acme", "x-api-key": "cannot-override" },
  });
  await xms.config.listChannels({}, { headers: { "x-request-id": "r-1" } });
  await xms.GET("/api/v1/config/channels", { headers: { "x-request-id": "r-2" } });
  expect(seen[0]).toMatchObject({
    "user-agent": `xms-client/${VERSION}`,
    "x-tenant": "acme",
    "x-api-key": apiKey,
    "x-request-id": "r-1",
  });
  expect(seen[1]?.["x-request-id"]).toBe("r-2");
  await server.close();
});

test("VERSION is the package's version", () => {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
  expect(VERSION).toBe(pkg.version);
});

test("the default base URL is the production server", () => {
  expect(DEFAULT_BASE_URL).toBe("https://api.mehery.xyz/xms");
});

test("createClient refuses to run in a browser unless dangerouslyAllowBrowser is set", async () => {
  vi.stubGlobal("window", {});
  vi.stubGlobal("document", {});
  expect(() => createClient({ apiKey, apiId })).toThrow(/browser.*dangerouslyAllowBrowser/);
  // In a browser the forbidden User-Agent header is left alone: the agent goes in x-xms-user-agent.
  const { server, seen } = await echoServer();
  await createClient({
    apiKey,
    apiId,
    baseUrl: server.url,
    dangerouslyAllowBrowser: true,
    userAgent: "my-app/1.0",
  }).config.listChannels();
  expect(seen[0]?.["x-xms-user-agent"]).toBe("my-app/1.0");
  expect(seen[0]?.["user-agent"]).not.toContain("my-app");
  await server.close();
});

test("an unusable baseUrl throws at creation, not at the first request", () => {
  expect(() => createClient({ apiKey, apiId, baseUrl: "not a url" })).toThrow();
});
