import { describe, expect, test } from "vitest";
import { listOperations } from "../../src/read/operations.js";
import type { OpenAPIDocument } from "../../src/spec.js";
import { groupResources, transformResourceTypes } from "../../src/transform/resources.js";

function specWith(operation: Record<string, unknown>, method = "post"): OpenAPIDocument {
  return {
    openapi: "3.1.0",
    info: { title: "t", version: "1" },
    tags: [{ name: "Things", "x-sdk-resource": "things" } as never],
    paths: { "/things": { [method]: { tags: ["Things"], responses: {}, ...operation } } },
  } as OpenAPIDocument;
}

function only(spec: OpenAPIDocument) {
  const methods = groupResources(spec.tags ?? [], listOperations(spec)).get("things");
  expect(methods).toHaveLength(1);
  return methods![0]!;
}

const query = { parameters: [{ name: "q", in: "query", schema: { type: "string" } }] };
const body = { requestBody: { content: { "application/json": { schema: { type: "object" } } } } };

describe("groupResources", () => {
  test.each<[string, { method: string; operation: Record<string, unknown>; want: object }]>([
    [
      "GET is idempotent",
      { method: "get", operation: { operationId: "a" }, want: { idempotent: true, method: "GET" } },
    ],
    [
      "HEAD is idempotent",
      { method: "head", operation: { operationId: "a" }, want: { idempotent: true } },
    ],
    [
      "POST is not idempotent",
      { method: "post", operation: { operationId: "a" }, want: { idempotent: false } },
    ],
    [
      "POST with x-idempotent: true is",
      {
        method: "post",
        operation: { operationId: "a", "x-idempotent": true },
        want: { idempotent: true },
      },
    ],
    [
      "GET stays idempotent whatever x-idempotent says",
      {
        method: "get",
        operation: { operationId: "a", "x-idempotent": false },
        want: { idempotent: true },
      },
    ],
    [
      "a request body makes input body",
      {
        method: "post",
        operation: { operationId: "a", ...body, ...query },
        want: { input: "body" },
      },
    ],
    [
      "query parameters make input query",
      { method: "get", operation: { operationId: "a", ...query }, want: { input: "query" } },
    ],
    [
      "neither makes input none",
      { method: "post", operation: { operationId: "a" }, want: { input: "none" } },
    ],
    [
      "x-sdk-method names the method",
      {
        method: "post",
        operation: { operationId: "sendThing", "x-sdk-method": "send" },
        want: { name: "send", operationId: "sendThing" },
      },
    ],
    [
      "the operationId names it otherwise",
      { method: "post", operation: { operationId: "sendThing" }, want: { name: "sendThing" } },
    ],
  ])("%s", (_, { method, operation, want }) => {
    expect(only(specWith(operation, method))).toMatchObject(want);
  });

  test("throws when an operation's tag has no x-sdk-resource", () => {
    const spec = specWith({ operationId: "orphan", tags: ["Elsewhere"] });
    expect(() => groupResources(spec.tags ?? [], listOperations(spec))).toThrow(
      "orphan has no tag with an x-sdk-resource (tags: Elsewhere)",
    );
  });

  test("throws when an operation has no operationId", () => {
    expect(() => listOperations(specWith({}))).toThrow("POST /things has no operationId");
  });

  test("throws when two operations have the same operationId", () => {
    const spec = specWith({ operationId: "sendThing" });
    spec.paths!["/other"] = { get: { operationId: "sendThing", responses: {} } };
    expect(() => listOperations(spec)).toThrow(
      "POST /things and GET /other have the same operationId sendThing",
    );
  });
});

describe("transformResourceTypes", () => {
  const ok = { responses: { 200: { content: { "application/json": { schema: {} } } } } };
  const types = (operation: Record<string, unknown>, method = "post") => {
    const spec = specWith(operation, method);
    return transformResourceTypes(groupResources(spec.tags ?? [], listOperations(spec)));
  };

  test("a body method is named with the operation's Body and Response types and CallOptions", () => {
    const out = types({ operationId: "sendThing", "x-sdk-method": "send", ...body, ...ok });
    expect(out).toContain(
      "send(body: SendThingBody, options?: CallOptions): Promise<SendThingResponse>;",
    );
    expect(out).toContain("export interface ThingsResource {");
    expect(out).toContain("readonly things: ThingsResource;");
  });

  test("the query argument is optional unless a query parameter is required", () => {
    expect(types({ operationId: "listThings", ...query, ...ok }, "get")).toContain(
      "listThings(query?: ListThingsQuery, options?: CallOptions)",
    );
    const required = {
      parameters: [{ name: "q", in: "query", required: true, schema: { type: "string" } }],
    };
    expect(types({ operationId: "findThings", ...required, ...ok }, "get")).toContain(
      "findThings(query: FindThingsQuery, options?: CallOptions)",
    );
  });

  test("the TSDoc carries the description, the idempotency and the reference entry", () => {
    const out = types({
      operationId: "sendThing",
      summary: "Send a thing",
      description: "Sends it. Not idempotent.",
      ...body,
      ...ok,
    });
    expect(out).toContain("   * Send a thing.\n   *\n   * Sends it. Not idempotent.");
    expect(out).toContain("Not idempotent: the client retries it only when");
    expect(out).toContain("@see API reference: `#operation/sendThing`");
    expect(types({ operationId: "getThing", ...ok }, "get")).toContain(
      "Idempotent: the client retries",
    );
  });
});
