import { describe, expect, test } from "vitest";
import type { OpenAPIDocument } from "../../src/spec.js";
import { examplesSource } from "../../src/transform/webhook-examples.js";

const spec = (post: Record<string, unknown>) =>
  ({
    openapi: "3.1.0",
    info: { title: "t", version: "1" },
    webhooks: { hook: { post } },
  }) as unknown as OpenAPIDocument;

describe("examplesSource: each webhook's examples, by name", () => {
  test("named request and answer examples, checked against the given types", () => {
    const source = examplesSource(
      spec({
        operationId: "ping",
        requestBody: {
          content: { "application/json": { examples: { first: { value: { a: 1 } } } } },
        },
        responses: { "200": { content: { "application/json": { example: { ok: true } } } } },
      }),
      { ping: { request: "PingPayload" } },
    );
    expect(source).toBe(
      'import type { PingPayload } from "@mehery/xms-webhook-types";\n\n' +
        "/** The spec's examples of the `ping` webhook's request body, by name. */\n" +
        'export const pingExamples = {\nfirst: {"a":1}\n} satisfies Record<string, PingPayload>;\n\n' +
        "/** The spec's examples of the answer to the `ping` webhook, by name. */\n" +
        'export const pingResponseExamples = {\ndefault: {"ok":true}\n};\n',
    );
  });

  test("a webhook without examples emits nothing", () => {
    expect(examplesSource(spec({ operationId: "quiet" }), {})).toBe("\n");
  });

  test("an example name that is not an identifier is quoted", () => {
    const source = examplesSource(
      spec({
        operationId: "ping",
        requestBody: {
          content: { "application/json": { examples: { "two words": { value: 1 } } } },
        },
      }),
      {},
    );
    expect(source).toContain('"two words": 1');
  });
});
