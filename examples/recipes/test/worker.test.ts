import { VERIFY_TOKEN } from "@mehery/example-test-kit";
import { test } from "vitest";
import worker from "../src/worker.js";
import { expectSimulatorServed, fetchServer, listen } from "./hosts.js";

test("Workers: the token comes from env, and the simulator's deliveries are served", async () => {
  const env = { XMS_VERIFY_TOKEN: VERIFY_TOKEN };
  // No process.env here: the Worker is given its env with each request, as workerd does.
  delete process.env.XMS_VERIFY_TOKEN;
  const server = await listen(fetchServer((request) => worker.fetch(request, env)));
  try {
    await expectSimulatorServed(`${server.origin}/webhooks`);
  } finally {
    await server.close();
  }
});
