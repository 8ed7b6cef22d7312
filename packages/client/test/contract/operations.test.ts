import type { MockServer } from "@mehery/xms-mock-server";
import { startMockServer } from "@mehery/xms-mock-server";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  createClient,
  isXmsAuthenticationError,
  isXmsBadRequestError,
  resources,
  type XmsApiError,
  type XmsClient,
} from "../../src/index.js";
import { apiId, apiKey } from "../helpers/fault-server.js";
import { okExample, operation, queryExample, requestExample, requiredFields } from "./spec.js";

let mock: MockServer;
let xms: XmsClient;
beforeAll(async () => {
  mock = await startMockServer({ port: 0 });
  xms = createClient({ apiKey, apiId, baseUrl: mock.url, maxRetries: 0 });
});
afterAll(() => mock.close());

type Loose = (arg?: unknown, options?: unknown) => Promise<unknown>;
type LoosePath = (
  path: string,
  init?: object,
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

const table = Object.entries(resources).flatMap(([resource, group]) =>
  Object.entries(group).map(([name, entry]) => ({ resource, name, ...entry })),
);

test("the table covers every operation of the spec", async () => {
  const { spec } = await import("./spec.js");
  const inSpec = Object.entries(spec.paths).flatMap(([path, item]) =>
    Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`),
  );
  expect(table.map((e) => `${e.method} ${e.path}`).sort()).toEqual(inSpec.sort());
});

describe.each(table)("$resource.$name ($method $path)", (entry) => {
  const op = operation(entry.method, entry.path);
  const body = requestExample(op);
  const query = queryExample(op);
  const arg = entry.input == "body" ? body : entry.input == "query" ? query : undefined;
  const expected = okExample(op);

  test("the resource method returns the spec's 200 example", async () => {
    const method = (xms as unknown as Record<string, Record<string, Loose>>)[entry.resource]![
      entry.name
    ]!;
    const before = mock.requests.length;
    await expect(method(arg)).resolves.toEqual(expected);
    expect(mock.requests.slice(before)).toEqual([
      { method: entry.method, path: entry.path, status: 200 },
    ]);
  });

  test("the path API returns the spec's 200 example as data", async () => {
    const call = (xms as unknown as Record<string, LoosePath>)[entry.method]!;
    const init = entry.input == "body" ? { body } : { params: { query } };
    const { data, error, response } = await call(entry.path, init);
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(data).toEqual(expected);
  });

  if (entry.input == "body" && body) {
    test.each(requiredFields(op, body))(
      "leaving out the required field %s throws XmsBadRequestError naming it",
      async (field) => {
        const method = (xms as unknown as Record<string, Record<string, Loose>>)[entry.resource]![
          entry.name
        ]!;
        const { [field]: _left, ...rest } = body;
        const error = await method(rest).then(
          () => expect.fail("expected a 400"),
          (e: unknown) => e as XmsApiError,
        );
        expect(isXmsBadRequestError(error)).toBe(true);
        expect(error.status).toBe(400);
        expect(error.errors.map((e) => e.field).join(" ")).toContain(field);
        expect(error.message).toContain(field);
      },
    );
  }
});

test("a resource call with a field left out (types bypassed) is rejected by the mock with 400", async () => {
  const error = await xms.messages
    .send({ channelId: "wa360:918828218374", type: "text", text: { body: "hi" } } as never)
    .then(
      () => expect.fail("expected a 400"),
      (e: unknown) => e as XmsApiError,
    );
  expect(isXmsBadRequestError(error)).toBe(true);
  expect(error.message).toContain("to");
  expect(error.errors.some((e) => e.field?.endsWith("to"))).toBe(true);
});

test("a call without the credentials gets the mock's 401: returned by the path API, thrown as XmsAuthenticationError by a resource method", async () => {
  // openapi-fetch's header merge unsets a header given as null.
  const headers = { "x-api-key": null } as unknown as Record<string, string>;
  const { response } = await xms.GET("/api/v1/config/channels", { headers });
  expect(response.status).toBe(401);
  const error = await xms.config.listChannels({}, { headers }).then(
    () => expect.fail("expected a 401"),
    (e: unknown) => e,
  );
  expect(isXmsAuthenticationError(error)).toBe(true);
});
