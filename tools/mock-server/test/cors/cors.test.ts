import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startMockServer, type MockServer } from "../../src/index.js";
import { auth, call, json } from "../helpers/http.js";

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer();
});
afterAll(() => mock.close());

describe("CORS, for a browser page on another origin", () => {
  test("a preflight is a 204 allowing the path's method and the API's headers", async () => {
    const answer = await call(`${mock.url}/api/v1/message/send`, {
      method: "OPTIONS",
      headers: {
        origin: "http://127.0.0.1:5173",
        "access-control-request-method": "POST",
        "access-control-request-headers": "x-api-key, x-api-id, content-type",
      },
    });
    expect(answer.status).toBe(204);
    expect(answer.headers.get("access-control-allow-origin")).toBe("*");
    expect(answer.headers.get("access-control-allow-methods")).toBe("POST, OPTIONS");
    const allowed = answer.headers.get("access-control-allow-headers")?.split(", ");
    expect(allowed).toEqual(
      expect.arrayContaining(["x-api-key", "x-api-id", "content-type", "prefer"]),
    );
  });

  test("a preflight needs no credentials", async () => {
    const answer = await call(`${mock.url}/api/v1/config/channels`, {
      method: "OPTIONS",
      headers: { origin: "http://127.0.0.1:5173", "access-control-request-method": "GET" },
    });
    expect(answer.status).toBe(204);
    expect(answer.headers.get("access-control-allow-methods")).toBe("GET, OPTIONS");
  });

  test("a preflight asking for another header is allowed it: the mock, not the browser, judges the request", async () => {
    const answer = await call(`${mock.url}/api/v1/config/channels`, {
      method: "OPTIONS",
      headers: {
        origin: "http://127.0.0.1:5173",
        "access-control-request-method": "GET",
        "access-control-request-headers": "x-request-id",
      },
    });
    expect(answer.headers.get("access-control-allow-headers")).toContain("x-request-id");
  });

  test("a preflight for a method the path does not have allows it, so the page gets the 405", async () => {
    const preflight = await call(`${mock.url}/api/v1/message/send`, {
      method: "OPTIONS",
      headers: { origin: "http://127.0.0.1:5173", "access-control-request-method": "PUT" },
    });
    expect(preflight.headers.get("access-control-allow-methods")).toBe("POST, OPTIONS, PUT");
    const answer = await call(`${mock.url}/api/v1/message/send`, { method: "PUT", headers: json });
    expect(answer.status).toBe(405);
  });

  test("a preflight of an unknown path is a 404", async () => {
    const answer = await call(`${mock.url}/api/v1/nowhere`, { method: "OPTIONS" });
    expect(answer.status).toBe(404);
    expect(answer.headers.get("access-control-allow-origin")).toBe("*");
  });

  test.each([
    ["200", "/api/v1/config/channels", auth],
    ["400", "/api/v1/config/channels?sabdnox=maybe", auth],
    ["401", "/api/v1/config/channels", {}],
    ["404", "/api/v1/none", auth],
  ] as const)(
    "a %s answer carries Access-Control-Allow-Origin: *",
    async (status, target, headers) => {
      const answer = await call(`${mock.url}${target}`, {
        headers: { ...headers, origin: "http://x.test" },
      });
      expect(String(answer.status)).toBe(status);
      expect(answer.headers.get("access-control-allow-origin")).toBe("*");
    },
  );

  test("a 405 exposes Allow to the page", async () => {
    const answer = await call(`${mock.url}/api/v1/session/close`, { headers: json });
    expect(answer.status).toBe(405);
    expect(answer.headers.get("access-control-expose-headers")).toContain("allow");
  });
});
