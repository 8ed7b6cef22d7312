import { startMockServer, type MockServer } from "@mehery/xms-mock-server";
import type {
  ListChannelsResponse,
  ListTemplatesResponse,
  SendMessageResponse,
} from "@mehery/xms-types";
import { afterEach, beforeEach, expect, test } from "vitest";
import { lines, runExample } from "./run-example.js";
import { responseExample } from "./spec-examples.js";

const SEND = "/api/v1/message/send";
const API_KEY = "example-secret-key";

const receipt = responseExample("POST", SEND) as SendMessageResponse;
const channels = responseExample("GET", "/api/v1/config/channels") as ListChannelsResponse;
const templates = responseExample("GET", "/api/v1/config/tmpl/hsm") as ListTemplatesResponse;

/** What `pnpm start` prints when the API answers with the spec's examples. */
const expectedOutput = [
  `[text] sent, id ${receipt.data.id} (${receipt.message})`,
  `[template] sent, id ${receipt.data.id} (${receipt.message})`,
  `[image] sent, id ${receipt.data.id} (${receipt.message})`,
  ...channels.results.map((c) => `[channels] ${c.channelId} ${c.contactType} "${c.name}"`),
  ...templates.results.map(
    (t) => `[templates] ${t.code} ${t.lang} ${t.contactType}: ${t.template}`,
  ),
];

let mock: MockServer;
beforeEach(async () => {
  mock = await startMockServer({ port: 0 });
});
afterEach(() => mock.close());

test("`pnpm start` sends three messages, lists channels and templates, and prints each answer", async () => {
  const run = await runExample("src/index.ts", [], {
    XMS_BASE_URL: mock.url,
    XMS_API_KEY: API_KEY,
    XMS_API_ID: "example-key-id",
  });
  expect(run.stderr).toBe("");
  expect(lines(run.stdout)).toEqual(expectedOutput);
  expect(run.code).toBe(0);
  expect(mock.requests).toEqual([
    { method: "POST", path: SEND, status: 200 },
    { method: "POST", path: SEND, status: 200 },
    { method: "POST", path: SEND, status: 200 },
    { method: "GET", path: "/api/v1/config/channels", status: 200 },
    { method: "GET", path: "/api/v1/config/tmpl/hsm", status: 200 },
  ]);
  expect(run.stdout + run.stderr).not.toContain(API_KEY);
});

test("`pnpm start text` runs that scenario only: one send", async () => {
  const run = await runExample("src/index.ts", ["text"], {
    XMS_BASE_URL: mock.url,
    XMS_API_KEY: API_KEY,
    XMS_API_ID: "example-key-id",
  });
  expect(lines(run.stdout)).toEqual([expectedOutput[0]]);
  expect(run.code).toBe(0);
  expect(mock.requests).toEqual([{ method: "POST", path: SEND, status: 200 }]);
});

test("without XMS_API_KEY it exits 1 with a message naming the variable, and sends nothing", async () => {
  const run = await runExample("src/index.ts", [], {
    XMS_BASE_URL: mock.url,
    XMS_API_ID: "example-key-id",
  });
  expect(run.stdout).toBe("");
  expect(run.stderr).toContain("set XMS_API_KEY");
  expect(run.code).toBe(1);
  expect(mock.requests).toEqual([]);
});

test("an unknown scenario name exits 2 and lists the scenarios", async () => {
  const run = await runExample("src/index.ts", ["fax"], {
    XMS_BASE_URL: mock.url,
    XMS_API_KEY: API_KEY,
    XMS_API_ID: "example-key-id",
  });
  expect(run.stderr).toContain(
    "unknown scenario fax; pick from text, template, image, channels, templates",
  );
  expect(run.code).toBe(2);
  expect(mock.requests).toEqual([]);
});

test("`pnpm start:mock` (root `pnpm example:send`) starts its own mock server and sends to it", async () => {
  const run = await runExample("src/with-mock-server.ts", [], {});
  const output = lines(run.stdout);
  expect(output[0]).toMatch(/^XMS mock server listening on http:\/\/127\.0\.0\.1:\d+$/);
  // The example's own lines, in order, between the mock's log lines.
  expect(output.filter((line) => line.startsWith("["))).toEqual(expectedOutput);
  expect(
    output.filter((line) => line.startsWith("  mock: ")).map((l) => l.replace(/ \d+ms$/, "")),
  ).toEqual([
    `  mock: POST ${SEND} 200`,
    `  mock: POST ${SEND} 200`,
    `  mock: POST ${SEND} 200`,
    "  mock: GET /api/v1/config/channels 200",
    "  mock: GET /api/v1/config/tmpl/hsm 200",
  ]);
  expect(run.code).toBe(0);
});
