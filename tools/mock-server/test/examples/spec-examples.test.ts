import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startMockServer, type MockServer } from "../../src/index.js";
import { auth, call, json, post } from "../helpers/http.js";
import { exampleCalls, operations, queryExample, responseExample } from "../helpers/spec.js";

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer();
});
afterAll(() => mock.close());

const all = await operations();

/** One case per request example (every named one), with the query built from parameter examples. */
const cases = exampleCalls(all);

describe("every example of spec/openapi.yaml is accepted", () => {
  test("the spec has the operations and named examples these cases are built from", () => {
    expect(all.map((op) => op.operationId)).toContain("sendMessage");
    expect(cases.filter((c) => c.op.operationId === "sendMessage").map((c) => c.name)).toEqual([
      "sendMessage text",
      "sendMessage image",
      "sendMessage document",
      "sendMessage location",
      "sendMessage contacts",
      "sendMessage template",
      "sendMessage optin",
      "sendMessage optout",
    ]);
  });

  test.each(cases)("$name answers 200 with the spec's 200 example", async ({ op, body }) => {
    const url = `${mock.url}${op.path}${queryExample(op.operation)}`;
    const answer =
      body === undefined
        ? await call(url, { method: op.method, headers: auth })
        : await post(url, body, json);
    expect(answer.body).toEqual(responseExample(op.operation, "200"));
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toBe("application/json");
  });

  test.each(all.filter((op) => op.method === "GET"))(
    "$operationId answers 200 without its optional query parameters",
    async (op) => {
      const answer = await call(`${mock.url}${op.path}`, { headers: auth });
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual(responseExample(op.operation, "200"));
    },
  );
});
