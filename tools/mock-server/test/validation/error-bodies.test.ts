import { Ajv2020 } from "ajv/dist/2020.js";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startMockServer, type MockServer } from "../../src/index.js";
import { auth, call, json, post } from "../helpers/http.js";
import { readSpec } from "../helpers/spec.js";

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer();
});
afterAll(() => mock.close());

const spec = await readSpec();
const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
const isApiErrorResponse = ajv.compile(spec["components"]["schemas"]["ApiErrorResponse"]);

describe("the mock's own error answers are ApiErrorResponses, so clients parse them", () => {
  test.each([
    ["400", () => post(`${mock.url}/api/v1/message/send`, { type: "image" })],
    ["401", () => call(`${mock.url}/api/v1/message/send`, { method: "POST", body: "{}" })],
    ["404", () => call(`${mock.url}/api/v2/nothing`, { headers: auth })],
    ["405", () => call(`${mock.url}/api/v1/config/webhook`, { headers: json })],
  ] as const)("%s", async (status, send) => {
    const answer = await send();
    expect(String(answer.status)).toBe(status);
    expect(answer.body.status).toBe(status);
    expect(isApiErrorResponse(answer.body), ajv.errorsText(isApiErrorResponse.errors)).toBe(true);
    expect(answer.body.errors.length).toBeGreaterThan(0);
  });

  test("the schema check above can fail: a body with a numeric status is not an ApiErrorResponse", () => {
    expect(isApiErrorResponse({ status: 400, errors: [] })).toBe(false);
  });
});
