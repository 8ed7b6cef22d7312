import { createServer } from "node:net";
import { describe, expect, test } from "vitest";
import { startMockServer } from "../../src/index.js";
import { auth, call, json } from "../helpers/http.js";

describe("startMockServer()", () => {
  test("listens on 127.0.0.1 on a free port by default and reports its url", async () => {
    const mock = await startMockServer();
    try {
      expect(mock.port).toBeGreaterThan(0);
      expect(mock.url).toBe(`http://127.0.0.1:${mock.port}`);
      expect((await call(`${mock.url}/api/v1/config/channels`, { headers: auth })).status).toBe(
        200,
      );
    } finally {
      await mock.close();
    }
  });

  test("two servers run side by side, each with its own requests log", async () => {
    const [a, b] = await Promise.all([startMockServer(), startMockServer()]);
    try {
      expect(a.port).not.toBe(b.port);
      await call(`${a.url}/api/v1/config/channels`, { headers: auth });
      await call(`${a.url}/api/v1/config/channels?sabdnox=x`, { headers: auth });
      await call(`${b.url}/api/v1/session/close`, {
        method: "POST",
        headers: json,
        body: JSON.stringify({ sessionId: "s" }),
      });
      expect(a.requests).toEqual([
        { method: "GET", path: "/api/v1/config/channels", status: 200 },
        { method: "GET", path: "/api/v1/config/channels", status: 400 },
      ]);
      expect(b.requests).toEqual([{ method: "POST", path: "/api/v1/session/close", status: 200 }]);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  test("close() frees the port, even with a keep-alive connection open", async () => {
    const mock = await startMockServer();
    await call(`${mock.url}/api/v1/config/channels`, {
      headers: { ...auth, connection: "keep-alive" },
    });
    await mock.close();
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once("error", () => resolve(false));
      probe.listen(mock.port, "127.0.0.1", () => probe.close(() => resolve(true)));
    });
    expect(free).toBe(true);
  });

  test("close() can be called twice", async () => {
    const mock = await startMockServer();
    await mock.close();
    await expect(mock.close()).resolves.toBeUndefined();
  });

  test("listens on the port it is given", async () => {
    const probe = createServer();
    const port = await new Promise<number>((resolve) =>
      probe.listen(0, "127.0.0.1", () => {
        const address = probe.address();
        probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
      }),
    );
    const mock = await startMockServer({ port });
    try {
      expect(mock.port).toBe(port);
    } finally {
      await mock.close();
    }
  });

  test.each(["0.0.0.0", "192.168.1.10", "::", "example.com"])(
    "refuses the non-loopback host %s",
    async (host) => {
      await expect(startMockServer({ host })).rejects.toThrow(
        "@mehery/xms-mock-server: startMockServer listens on loopback addresses only",
      );
    },
  );

  test("rejects a port that is not one", async () => {
    await expect(startMockServer({ port: 70000 })).rejects.toThrow("port must be an integer");
  });

  test("rejects with the path when the spec cannot be read", async () => {
    await expect(startMockServer({ spec: "/nonexistent/openapi.yaml" })).rejects.toThrow(
      "@mehery/xms-mock-server: cannot read the OpenAPI document at /nonexistent/openapi.yaml",
    );
  });

  test("a body over 1 MiB is a 413", async () => {
    const mock = await startMockServer();
    try {
      const answer = await call(`${mock.url}/api/v1/data/push`, {
        method: "POST",
        headers: json,
        body: JSON.stringify({
          id: "1",
          type: "CUSTOMER",
          data: { blob: "x".repeat(1024 * 1024) },
        }),
      });
      expect(answer.status).toBe(413);
      expect(answer.body).toMatchObject({ messageKey: "MOCK_BODY_TOO_LARGE", status: "413" });
      expect(mock.requests).toEqual([{ method: "POST", path: "/api/v1/data/push", status: 413 }]);
    } finally {
      await mock.close();
    }
  });
});
