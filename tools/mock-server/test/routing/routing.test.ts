import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startMockServer, type MockServer } from "../../src/index.js";
import { auth, call, json } from "../helpers/http.js";

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer();
});
afterAll(() => mock.close());

describe("routing by the paths of the spec", () => {
  test("an unknown path is a 404 naming the path", async () => {
    const answer = await call(`${mock.url}/api/v1/message/unknown`, { headers: auth });
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({
      messageKey: "MOCK_UNKNOWN_PATH",
      status: "404",
      statusKey: "NOT_FOUND",
      path: "/api/v1/message/unknown",
      errors: [{ field: "path", code: "path" }],
    });
  });

  test("an unknown path is a 404 even without credentials", async () => {
    expect((await call(`${mock.url}/nothing/here`)).status).toBe(404);
  });

  test("a path with a trailing slash is not the path of the spec", async () => {
    const answer = await call(`${mock.url}/api/v1/config/channels/`, { headers: auth });
    expect(answer.status).toBe(404);
  });

  test("the base path of the production server is not part of the mock's paths", async () => {
    const answer = await call(`${mock.url}/xms/api/v1/config/channels`, { headers: auth });
    expect(answer.status).toBe(404);
  });

  test("a known path with another method is a 405 with Allow", async () => {
    const answer = await call(`${mock.url}/api/v1/config/channels`, {
      method: "POST",
      headers: json,
      body: "{}",
    });
    expect(answer.status).toBe(405);
    expect(answer.headers.get("allow")).toBe("GET, OPTIONS");
    expect(answer.body).toMatchObject({
      messageKey: "MOCK_METHOD_NOT_ALLOWED",
      status: "405",
      errors: [{ field: "method", code: "enum", possibleValues: ["GET"] }],
    });
  });

  test("GET on a POST-only operation is a 405", async () => {
    const answer = await call(`${mock.url}/api/v1/message/send`, { headers: auth });
    expect(answer.status).toBe(405);
    expect(answer.headers.get("allow")).toBe("POST, OPTIONS");
  });
});
