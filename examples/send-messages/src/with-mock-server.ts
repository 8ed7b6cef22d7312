/**
 * Starts the local XMS mock server (spec/openapi.yaml: it validates each request and answers with
 * the spec's example), runs the examples against it, and stops it. No account needed.
 *
 *   pnpm example:send            (from the repository root)
 */
import { startMockServer } from "@mehery/xms-mock-server";

const mock = await startMockServer({ port: 0, log: (line) => console.log(`  mock: ${line}`) });
console.log(`XMS mock server listening on ${mock.url}\n`);

// The mock checks that both credentials are sent, not what they are.
process.env.XMS_BASE_URL = mock.url;
process.env.XMS_API_KEY = "mock-api-key";
process.env.XMS_API_ID = "mock-api-id";
try {
  await import("./index.js");
} finally {
  await mock.close();
}
