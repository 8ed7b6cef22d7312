import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startMockServer, type MockServer } from "../../src/index.js";
import { apiId, apiKey, call, json } from "../helpers/http.js";
import { operations, responseExample } from "../helpers/spec.js";

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer();
});
afterAll(() => mock.close());

interface OffSpec {
  readonly operationId: string;
  readonly name: string;
  readonly method: "GET" | "POST";
  readonly target: string;
  readonly headers?: Record<string, string>;
  /** Sent as JSON unless it is a string, which is sent as it is. */
  readonly body?: unknown;
  readonly status: 400 | 401;
  readonly errors: ReadonlyArray<{ field: string; code: string }>;
}

const send = { channelId: "wa360:918828218374", to: { phone: "919988776655" } };

// One off-spec request for each operation of the spec, each breaking a different rule.
const table: OffSpec[] = [
  {
    operationId: "listChannels",
    name: "a query parameter of the wrong type (sabdnox=notabool)",
    method: "GET",
    target: "/api/v1/config/channels?sabdnox=notabool",
    status: 400,
    errors: [{ field: "query.sabdnox", code: "type" }],
  },
  {
    operationId: "listTemplates",
    name: "no x-api-key header",
    method: "GET",
    target: "/api/v1/config/tmpl/hsm?channelId=wa360:918828218374",
    headers: { "x-api-id": apiId },
    status: 401,
    errors: [{ field: "header.x-api-key", code: "required" }],
  },
  {
    operationId: "setWebhook",
    name: "a url that is not a URI",
    method: "POST",
    target: "/api/v1/config/webhook",
    body: { url: "not a url" },
    status: 400,
    // Not a URI, and not https:// either (the spec's pattern).
    errors: [
      { field: "body.url", code: "pattern" },
      { field: "body.url", code: "format" },
    ],
  },
  {
    operationId: "updateContactLanguage",
    name: "a missing required field",
    method: "POST",
    target: "/api/v1/contact/prefs/lang",
    body: { contactId: "fb:12121212121" },
    status: 400,
    errors: [{ field: "body.lang", code: "required" }],
  },
  {
    operationId: "pushCustomerData",
    name: "a field of the wrong type",
    method: "POST",
    target: "/api/v1/data/push",
    body: { id: 1234567, type: "CUSTOMER" },
    status: 400,
    errors: [{ field: "body.id", code: "type" }],
  },
  {
    operationId: "pushCustomerEvent",
    name: "an array item of the wrong type",
    method: "POST",
    target: "/api/v1/event/push",
    body: { eventName: "CUSTOMER_CREATED", id: "1", links: [{ linkName: 7 }] },
    status: 400,
    errors: [{ field: "body.links[0].linkName", code: "type" }],
  },
  {
    operationId: "sendMessage",
    name: "an unknown enum value",
    method: "POST",
    target: "/api/v1/message/send",
    body: {
      ...send,
      type: "text",
      text: { body: "Hi" },
      options: { buttons: [{ name: "b", type: "CALLBACK" }] },
    },
    status: 400,
    errors: [{ field: "body.options.buttons[0].type", code: "enum" }],
  },
  {
    operationId: "closeSession",
    name: "an empty x-api-key header",
    method: "POST",
    target: "/api/v1/session/close",
    headers: { "x-api-key": " ", "x-api-id": apiId, "content-type": "application/json" },
    body: { sessionId: "61f3810a02e14c0877fc1a32" },
    status: 401,
    errors: [{ field: "header.x-api-key", code: "required" }],
  },
  {
    operationId: "listGlobalVars",
    name: "x-api-id without x-api-key",
    method: "GET",
    target: "/api/v1/config/global/vars",
    headers: { "x-api-id": apiId },
    status: 401,
    errors: [{ field: "header.x-api-key", code: "required" }],
  },
  {
    operationId: "listSessionMessages",
    name: "a body that is not JSON",
    method: "POST",
    target: "/api/v1/session/messages",
    body: "{sessionId: 61f3810a02e14c0877fc1a32}",
    status: 400,
    errors: [{ field: "body", code: "json" }],
  },
  {
    operationId: "resolveSession",
    name: "no body at all",
    method: "POST",
    target: "/api/v1/session/resolve",
    status: 400,
    errors: [{ field: "body", code: "required" }],
  },
  {
    operationId: "routeSession",
    name: "a missing field and a wrong type at once",
    method: "POST",
    target: "/api/v1/session/routing",
    body: { sessionId: "61f3810a02e14c0877fc1a32", skills: "dental" },
    status: 400,
    errors: [
      { field: "body.queue", code: "required" },
      { field: "body.skills", code: "type" },
    ],
  },
];

const specOperations = await operations();

describe("an off-spec request is refused with the field at fault", () => {
  test("the table covers every operation of the spec", () => {
    expect(table.map((row) => row.operationId).sort()).toEqual(
      specOperations.map((op) => op.operationId).sort(),
    );
  });

  test.each(table)("$operationId: $name → $status", async (row) => {
    const answer = await call(`${mock.url}${row.target}`, {
      method: row.method,
      headers: row.headers ?? json,
      ...(row.body === undefined
        ? {}
        : { body: typeof row.body === "string" ? row.body : JSON.stringify(row.body) }),
    });
    expect(answer.status).toBe(row.status);
    expect(answer.headers.get("content-type")).toBe("application/json");
    const named = answer.body.errors.map((e: { field: string; code: string }) => ({
      field: e.field,
      code: e.code,
    }));
    expect(named).toEqual(row.errors);
    for (const error of answer.body.errors) expect(error.description).toContain(error.field);
    if (row.status === 400) {
      expect(answer.body).toMatchObject({
        message: "Request does not match spec/openapi.yaml",
        messageKey: "MOCK_INVALID_REQUEST",
        status: "400",
        statusKey: "BAD_REQUEST",
        path: row.target.split("?")[0],
      });
    } else {
      const op = specOperations.find((o) => o.operationId === row.operationId)!;
      const { errors, ...rest } = answer.body;
      expect(rest).toEqual(responseExample(op.operation, "401"));
      expect(errors).toHaveLength(1);
    }
  });
});

describe("authentication", () => {
  test("a request with neither header names x-api-key, the one header that grants access", async () => {
    const answer = await call(`${mock.url}/api/v1/config/channels`);
    expect(answer.status).toBe(401);
    expect(answer.body.errors.map((e: { field: string }) => e.field)).toEqual(["header.x-api-key"]);
    expect(answer.body.errors[0].description).toContain("x-api-key with x-api-id or x-api-key");
  });

  test("x-api-key alone is enough: x-api-id is optional (reference line 7)", async () => {
    const answer = await call(`${mock.url}/api/v1/config/global/vars`, {
      headers: { "x-api-key": apiKey },
    });
    expect(answer.status).toBe(200);
  });

  test("x-api-id alone is not: a 401 naming x-api-key", async () => {
    const answer = await call(`${mock.url}/api/v1/config/global/vars`, {
      headers: { "x-api-id": apiId },
    });
    expect(answer.status).toBe(401);
    expect(answer.body.errors).toEqual([
      expect.objectContaining({ field: "header.x-api-key", code: "required" }),
    ]);
  });

  test("authentication is checked before the body: no credentials and a bad body is a 401", async () => {
    const answer = await call(`${mock.url}/api/v1/session/close`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(answer.status).toBe(401);
  });

  test("header names are case-insensitive", async () => {
    const answer = await call(`${mock.url}/api/v1/config/channels`, {
      headers: { "X-API-KEY": apiKey, "X-Api-Id": apiId },
    });
    expect(answer.status).toBe(200);
  });
});

describe("query parameters", () => {
  test("sabdnox=true and sabdnox=false are booleans", async () => {
    for (const value of ["true", "false"]) {
      const answer = await call(`${mock.url}/api/v1/config/channels?sabdnox=${value}`, {
        headers: json,
      });
      expect(answer.status).toBe(200);
    }
  });

  test("a query parameter the spec does not define is ignored, as Prism does (OpenAPI leaves the query open)", async () => {
    const answer = await call(`${mock.url}/api/v1/config/channels?sandbox=true&page=2`, {
      headers: json,
    });
    expect(answer.status).toBe(200);
  });

  test("an undeclared parameter does not hide a bad declared one", async () => {
    const answer = await call(`${mock.url}/api/v1/config/channels?sandbox=1&sabdnox=notabool`, {
      headers: json,
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([
      expect.objectContaining({ field: "query.sabdnox", code: "type" }),
    ]);
  });
});

describe("request bodies", () => {
  test("a body sent as text/plain is refused with the content type named", async () => {
    const answer = await call(`${mock.url}/api/v1/session/close`, {
      method: "POST",
      headers: { ...json, "content-type": "text/plain" },
      body: JSON.stringify({ sessionId: "61f3810a02e14c0877fc1a32" }),
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([
      expect.objectContaining({
        field: "header.content-type",
        code: "mediaType",
        possibleValues: ["application/json"],
      }),
    ]);
  });

  test("application/json with a charset is JSON", async () => {
    const answer = await call(`${mock.url}/api/v1/session/close`, {
      method: "POST",
      headers: { ...json, "content-type": "application/json; charset=utf-8" },
      body: JSON.stringify({ sessionId: "61f3810a02e14c0877fc1a32" }),
    });
    expect(answer.status).toBe(200);
  });

  test("properties the spec does not list are allowed, as the schemas do not close objects", async () => {
    const answer = await call(`${mock.url}/api/v1/session/close`, {
      method: "POST",
      headers: json,
      body: JSON.stringify({ sessionId: "61f3810a02e14c0877fc1a32", extra: 1 }),
    });
    expect(answer.status).toBe(200);
  });
});
