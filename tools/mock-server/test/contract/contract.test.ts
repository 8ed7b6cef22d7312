/**
 * What any spec-compliant mock of spec/openapi.yaml must answer, derived from the spec alone:
 * every example call, every status a client can ask for with `Prefer: code=`, and bodies the
 * schemas refuse. It runs against this mock; set XMS_CONTRACT_URL to run it against another
 * (Prism: `prism mock spec/openapi.yaml`), which is how the two are compared.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startMockServer, type MockServer } from "../../src/index.js";
import { apiKey, call, post } from "../helpers/http.js";
import {
  exampleCalls,
  operations,
  queryExample,
  responseExample,
  type SpecOperation,
} from "../helpers/spec.js";

let mock: MockServer | undefined;
let base = process.env["XMS_CONTRACT_URL"] ?? "";
beforeAll(async () => {
  if (base !== "") return;
  mock = await startMockServer();
  base = mock.url;
});
afterAll(() => mock?.close());

/** x-api-key alone: the weakest credentials the spec accepts. */
const keyOnly = { "x-api-key": apiKey, "content-type": "application/json" } as const;

const all = await operations();

/** Every example call: each request example of each operation, with its query example. */
const calls = exampleCalls(all);

function send(op: SpecOperation, body: unknown, headers: Record<string, string>, query = "") {
  const url = `${base}${op.path}${query}`;
  return body === undefined ? call(url, { method: op.method, headers }) : post(url, body, headers);
}

/** Each status an operation declares, with the headers its response gives examples for. */
const statuses = all.flatMap((op) =>
  Object.entries<Record<string, any>>(op.operation["responses"]).map(([code, response]) => ({
    name: `${op.operationId} ${code}`,
    op,
    code,
    headers: Object.entries<Record<string, any>>(response["headers"] ?? {}).filter(
      ([, header]) => header["example"] !== undefined,
    ),
  })),
);

describe("every example call", () => {
  test("covers every operation, and the sends without a payload object (optin, optout)", () => {
    expect(new Set(calls.map((c) => c.op.operationId)).size).toBe(all.length);
    const sends = calls.filter((c) => c.op.operationId === "sendMessage").map((c) => c.name);
    expect(sends).toEqual(expect.arrayContaining(["sendMessage optin", "sendMessage optout"]));
  });

  test.each(calls)("$name with x-api-key alone answers 200 and the 200 example", async (c) => {
    const answer = await send(c.op, c.body, keyOnly, queryExample(c.op.operation));
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(responseExample(c.op.operation, "200"));
  });

  test.each(calls)(
    "$name with a query parameter the spec does not declare answers 200",
    async (c) => {
      const query = queryExample(c.op.operation);
      const answer = await send(c.op, c.body, keyOnly, `${query}${query ? "&" : "?"}trace=1`);
      expect(answer.status).toBe(200);
    },
  );

  test.each(calls)("$name without x-api-key answers 401", async (c) => {
    const answer = await send(c.op, c.body, { "content-type": "application/json" });
    expect(answer.status).toBe(401);
  });
});

describe("Prefer: code= answers each declared status with its example and example headers", () => {
  test("the 429 of every operation has a Retry-After example to send", () => {
    const tooMany = statuses.filter((s) => s.code === "429");
    expect(tooMany).toHaveLength(all.length);
    for (const s of tooMany) expect(s.headers.map(([name]) => name)).toEqual(["Retry-After"]);
  });

  test.each(statuses)("$name", async ({ op, code, headers }) => {
    const [first] = calls.filter((c) => c.op === op);
    const answer = await send(op, first?.body, { ...keyOnly, prefer: `code=${code}` });
    expect(answer.status).toBe(Number(code));
    const example = responseExample(op.operation, code);
    if (example !== undefined) expect(answer.body).toEqual(example);
    for (const [name, header] of headers) {
      expect(answer.headers.get(name), name).toBe(String(header["example"]));
    }
  });
});

describe("invalid bodies are a 400", () => {
  const withBody = all.filter((op) => op.operation["requestBody"] !== undefined);

  test.each(withBody)("$operationId: an empty object", async (op) => {
    const answer = await send(op, {}, keyOnly);
    expect(answer.status).toBe(400);
    expect(answer.body.errors.length).toBeGreaterThan(0);
  });

  test.each(withBody)("$operationId: a JSON array instead of an object", async (op) => {
    const answer = await send(op, [], keyOnly);
    expect(answer.status).toBe(400);
  });

  const text = { channelId: "x", type: "text", text: { body: "Hi" } };
  const sendMessage = all.find((op) => op.operationId === "sendMessage")!;
  const setWebhook = all.find((op) => op.operationId === "setWebhook")!;
  const refused: [string, SpecOperation, unknown][] = [
    ["sendMessage: to {}", sendMessage, { ...text, to: {} }],
    ["sendMessage: to with a name only", sendMessage, { ...text, to: { name: "John" } }],
    [
      "sendMessage: template {}",
      sendMessage,
      { channelId: "x", to: { phone: "1" }, type: "template", template: {} },
    ],
    [
      "sendMessage: image without image",
      sendMessage,
      { ...text, type: "image", to: { phone: "1" } },
    ],
    ["setWebhook: an http:// URL", setWebhook, { url: "http://www.example.com/webhook" }],
  ];
  test.each(refused)("%s", async (_name, op, body) => {
    const answer = await send(op, body, keyOnly);
    expect(answer.status).toBe(400);
  });

  test("setWebhook: the scheme is case-insensitive, HTTPS://… is accepted", async () => {
    const answer = await send(setWebhook, { url: "HTTPS://www.example.com/webhook" }, keyOnly);
    expect(answer.status).toBe(200);
  });
});
