import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startMockServer, type MockServer } from "../../src/index.js";
import { apiId, apiKey, call, type Answer } from "../helpers/http.js";

const lines: string[] = [];
let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer({ log: (line) => lines.push(line) });
});
afterAll(() => mock.close());

const withKey = { "x-api-key": apiKey, "x-api-id": apiId, "content-type": "application/json" };

/** Requests of every outcome, each carrying the key, some also in the body or the query. */
const requests: ReadonlyArray<[string, string, RequestInit]> = [
  ["200", "/api/v1/config/channels", { headers: withKey }],
  ["400 (query)", "/api/v1/config/channels?sabdnox=notabool", { headers: withKey }],
  [
    "200 (the key as an unknown query parameter, which is ignored)",
    `/api/v1/config/channels?x-api-key=${apiKey}`,
    { headers: withKey },
  ],
  [
    "400 (the key as the value of a wrong enum)",
    "/api/v1/message/send",
    {
      method: "POST",
      headers: withKey,
      body: JSON.stringify({ channelId: "c", to: { phone: "1" }, type: apiKey }),
    },
  ],
  [
    "400 (the key inside a body that is not JSON)",
    "/api/v1/session/close",
    { method: "POST", headers: withKey, body: `{"sessionId": ${apiKey}}` },
  ],
  [
    "401 (the key sent as x-api-id)",
    "/api/v1/config/channels",
    { headers: { "x-api-id": apiKey } },
  ],
  ["404", "/api/v1/unknown", { headers: withKey }],
  ["405", "/api/v1/message/send", { headers: withKey }],
  [
    "204 (preflight)",
    "/api/v1/message/send",
    { method: "OPTIONS", headers: { ...withKey, "access-control-request-method": "POST" } },
  ],
];

describe("the mock never says the x-api-key value", () => {
  const answers: Answer[] = [];

  test.each(requests)("not in the answer to a request that gets %s", async (_, target, init) => {
    const answer = await call(`${mock.url}${target}`, init);
    answers.push(answer);
    expect(answer.text).not.toContain(apiKey);
    const headers: string[] = [];
    answer.headers.forEach((value, name) => headers.push(`${name}: ${value}`));
    expect(headers.join("\n")).not.toContain(apiKey);
  });

  test("not in the log lines, which name method, path and status", () => {
    expect(lines).toHaveLength(requests.length);
    expect(lines[0]).toMatch(/^GET \/api\/v1\/config\/channels 200 \d+ms$/);
    expect(lines.join("\n")).not.toContain(apiKey);
  });

  test("not in the requests log", () => {
    expect(JSON.stringify(mock.requests)).not.toContain(apiKey);
  });

  test("the cases above did reach every outcome", () => {
    expect(answers.map((a) => a.status)).toEqual([200, 400, 200, 400, 400, 401, 404, 405, 204]);
  });
});
