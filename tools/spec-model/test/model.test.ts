import { describe, expect, it } from "vitest";
import {
  dereference,
  loadSpecModel,
  portabilityProblems,
  SCHEMA_NAME,
  specModelFromText,
} from "../src/index.js";

const fixture = `
openapi: 3.1.0
info: { title: t, version: "1" }
tags:
  - name: Messages
    x-sdk-resource: messages
paths:
  /send:
    parameters:
      - { name: trace, in: query, schema: { type: string } }
    post:
      operationId: sendMessage
      tags: [Messages]
      x-sdk-method: send
      requestBody: { $ref: "#/components/requestBodies/Send" }
      responses:
        "200": { description: ok }
  /list:
    get:
      operationId: listThings
      tags: [Messages]
      responses: {}
  /look:
    post:
      operationId: look
      x-idempotent: true
      responses: {}
webhooks:
  notify:
    post:
      operationId: notify
      responses: {}
components:
  requestBodies:
    Send: { content: { application/json: { schema: { $ref: "#/components/schemas/Msg" } } } }
  schemas:
    Msg: { type: object, description: msg, properties: { next: { $ref: "#/components/schemas/Msg" } } }
`;

describe("the spec model", () => {
  it("lists paths then webhooks, with direction, label and x-sdk-* extensions", () => {
    const model = specModelFromText(fixture, "fixture");
    expect(
      model.operations.map((op) => [
        op.direction,
        op.label,
        op.operationId,
        op.sdk.resource,
        op.sdk.method,
        op.sdk.idempotent,
      ]),
    ).toEqual([
      ["send", "POST /send", "sendMessage", "messages", "send", false],
      ["send", "GET /list", "listThings", "messages", "listThings", true],
      ["send", "POST /look", "look", undefined, "look", true],
      ["receive", "webhook notify (POST)", "notify", undefined, "notify", false],
    ]);
  });

  it("gives each operation its merged parameters, its request body and 200 response resolved", () => {
    const [send] = specModelFromText(fixture, "fixture").operations;
    expect(send?.parameters.map((p) => p["name"])).toEqual(["trace"]);
    expect(send?.requestBody).toHaveProperty("content");
    expect(send?.okResponse).toEqual({ description: "ok" });
    expect(send?.pointer).toBe("/paths/~1send/post");
  });

  it("reads the repository's spec: every operation has an operationId, webhooks are received", () => {
    const model = loadSpecModel();
    expect(model.location.specPath).toMatch(/spec[/\\]openapi\.yaml$/);
    expect(model.operations.length).toBeGreaterThanOrEqual(14);
    expect(model.operations.every((op) => op.operationId !== undefined)).toBe(true);
    expect(model.operations.filter((op) => op.direction === "receive").map((op) => op.key)).toEqual(
      ["messageNotification", "contactInfoRequest"],
    );
    expect(model.schemas).toHaveProperty("InBoundMsg");
  });

  it("refuses text that is not an OpenAPI document, naming the source", () => {
    expect(() => specModelFromText("a: 1", "fixture.yaml")).toThrow(
      /fixture\.yaml is not an OpenAPI document/,
    );
    expect(() => specModelFromText("a: [", "bad.yaml")).toThrow(/bad\.yaml is not valid YAML/);
  });

  it("reads YAML 1.2 core: dates and NO stay strings", () => {
    const { document } = specModelFromText(
      'openapi: 3.1.0\ninfo: { version: 2023-10-06, title: "NO" }\nx: NO\n',
    );
    expect(document["x"]).toBe("NO");
    expect((document["info"] as Record<string, unknown>)["version"]).toBe("2023-10-06");
  });
});

describe("dereference", () => {
  it("keeps identity and cycles, stamps schema names, and leaves the input untouched", async () => {
    const { document } = specModelFromText(fixture, "fixture");
    const resolved = await dereference(document, { stampSchemaNames: true });
    const schemas = (resolved["components"] as { schemas: Record<string, Record<string, unknown>> })
      .schemas;
    const msg = schemas["Msg"]!;
    expect(msg[SCHEMA_NAME]).toBe("Msg");
    expect((msg["properties"] as Record<string, unknown>)["next"]).toBe(msg);
    expect(JSON.stringify(document["components"] as object)).not.toContain(SCHEMA_NAME);
  });
});

describe("portabilityProblems", () => {
  it.each([
    ["an unquoted NO", { given: "a:\n  b: NO\n", want: [["/a/b", "yaml-1.1-differs"]] }],
    ["an unquoted on", { given: "a: on\n", want: [["/a", "yaml-1.1-differs"]] }],
    ["a leading-zero number", { given: "a: 0755\n", want: [["/a", "yaml-1.1-differs"]] }],
    [
      "an anchor and its alias",
      {
        given: "a: &x { b: 1 }\nc: *x\n",
        want: [
          ["/c", "alias"],
          ["/a", "anchor"],
        ],
      },
    ],
    ["quoted values and plain strings", { given: 'a: "NO"\nb: text\nc: 12\n', want: [] }],
  ])("%s", (_, { given, want }) => {
    const found = portabilityProblems(given).map((p) => [p.pointer, p.problem]);
    expect(found.sort()).toEqual([...want].sort());
  });
});
