/**
 * The runtime matrix as a test: the built client and webhooks packages, loaded from this
 * package's node_modules as an app would load them, against the spec-validating mock server.
 */
import { startMockServer, type MockServer } from "@mehery/xms-mock-server";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { runBrowserSmoke } from "../src/browser.js";
import { formatTable, prepareRuntimes, type PreparedRuntime } from "../src/matrix.js";
import { processRuntimes } from "../src/runtimes.js";
import { runProcessSmoke, type Row } from "../src/smoke.js";

let mock: MockServer;
let prepared: PreparedRuntime[];
const rows: Row[] = [];

beforeAll(async () => {
  [mock, prepared] = await Promise.all([startMockServer({ port: 0 }), prepareRuntimes()]);
});

afterAll(async () => {
  await mock?.close();
  // The table is the point of the matrix: show it with the test output.
  if (rows.length > 0) process.stdout.write(`\n${formatTable(rows)}\n`);
});

describe.each(processRuntimes.map((runtime) => [runtime.name, runtime] as const))(
  "%s",
  (name, runtime) => {
    test(`runs the pinned version (${runtime.version})`, () => {
      const { version } = prepared.find((entry) => entry.runtime === runtime)!;
      if (runtime.version.includes(".")) expect(version).toBe(runtime.version);
      else expect(version.split(".")[0]).toBe(runtime.version);
    });

    test.each(runtime.formats)(
      "%s: the client lists channels and sends a message; the webhook handler answers 200 to the right token and 401 to a wrong one",
      async (format) => {
        const { binary, version } = prepared.find((entry) => entry.runtime === runtime)!;
        const row = await runProcessSmoke(runtime, binary, version, format, mock);
        rows.push(row);
        expect(row.problems, `${name} ${format}`).toEqual([]);
        expect(row.result?.webhooks).toEqual({
          valid: 200,
          invalid: 401,
          texts: ["Hi, where is my order? (matrix-1)"],
        });
      },
    );
  },
);

test("Chromium (headless): the bundled client lists channels and sends a message across origins (CORS)", async () => {
  const row = await runBrowserSmoke(mock);
  rows.push(row);
  expect(row.problems).toEqual([]);
  expect(row.version).toMatch(/^\d+\./);
});
