import { VERIFY_TOKEN } from "@mehery/example-test-kit";
import { describe, test, vi } from "vitest";
import { apiGateway } from "./api-gateway.js";
import { expectSimulatorServed, listen } from "./hosts.js";

/** A cold start: the recipe, imported anew, reads its token from the environment. */
async function coldStart() {
  process.env.XMS_VERIFY_TOKEN = VERIFY_TOKEN;
  vi.resetModules();
  return (await import("../src/lambda.js")).handler;
}

describe("AWS Lambda behind API Gateway (payload format 2.0)", () => {
  for (const base64 of [false, true]) {
    test(`the simulator's deliveries, with ${base64 ? "base64-encoded" : "text"} bodies, are served`, async () => {
      const server = await listen(apiGateway(await coldStart(), { base64 }));
      try {
        const base = `${server.origin}/webhooks/api/v1`;
        await expectSimulatorServed(`${base}/message/receive`, `${base}/contact/info`);
      } finally {
        await server.close();
      }
    });
  }
});
