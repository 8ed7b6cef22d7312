import { simulate, statuses, VERIFY_TOKEN } from "@mehery/example-test-kit";
import { describe, expect, test } from "vitest";
import { runWorker, type Receiver } from "../src/server.js";

/** Runs the Worker with `bindings` as its env, calls `body`, and stops it. */
async function withWorker(
  bindings: Record<string, string>,
  body: (worker: Receiver) => Promise<void>,
): Promise<void> {
  const worker = await runWorker({ port: 0, bindings, log: () => {} });
  try {
    await body(worker);
  } finally {
    await worker.close();
  }
}

describe("the Worker in workerd reads its verification token from env", () => {
  test("a Worker whose env holds another token refuses the simulator's token with 401", async () => {
    await withWorker({ XMS_VERIFY_TOKEN: "another-token" }, async (worker) => {
      const run = await simulate(worker.url, VERIFY_TOKEN, "--event", "message.text");
      expect(statuses(run.stdout)).toEqual(["message.text -> 401"]);
    });
  });

  test("a Worker without the secret answers 503, so that the platform retries once it is set", async () => {
    await withWorker({}, async (worker) => {
      const run = await simulate(worker.url, VERIFY_TOKEN, "--event", "message.text");
      expect(statuses(run.stdout)).toEqual(["message.text -> 503"]);
      expect(run.code).toBe(1);
    });
  });

  test("paths other than /webhooks and /health answer 404", async () => {
    await withWorker({ XMS_VERIFY_TOKEN: VERIFY_TOKEN }, async (worker) => {
      const response = await fetch(new URL("/elsewhere", worker.url), { method: "POST" });
      expect(response.status).toBe(404);
    });
  });
});
