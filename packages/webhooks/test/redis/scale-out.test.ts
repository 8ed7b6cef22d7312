// Two receiver processes behind one "load balancer" that delivers every message to both at once:
// the worst case of platform retries landing on another instance.
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { startRedis, type RedisServer } from "@mehery/test-redis";
import { clientLibraries } from "./clients.js";
import {
  deliver,
  message,
  startReceiver,
  type Receiver,
  type ReceiverOptions,
} from "./receiver-processes.js";

let redis: RedisServer;
const receivers: Receiver[] = [];
beforeEach(async () => {
  redis = await startRedis();
});
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((receiver) => receiver.stop()));
  await redis.kill();
});

/** Two receivers on the test's Redis; `first` configures the first one only. */
async function two(library: (typeof clientLibraries)[number], first: ReceiverOptions = {}) {
  const short = { commandTimeoutMs: first.commandTimeoutMs } satisfies ReceiverOptions;
  const pair = await Promise.all([
    startReceiver(library, redis.url, first),
    startReceiver(library, redis.url, short),
  ]);
  receivers.push(...pair);
  return pair;
}

/** Delivers each message to both receivers at once; resolves with every answer's status. */
function deliverToBoth(receivers: Receiver[], messageIds: string[]): Promise<number[]> {
  return Promise.all(
    messageIds.flatMap((id) => receivers.map((receiver) => deliver(receiver.url, message(id)))),
  );
}

const ids = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => `${prefix}${i}`);

/** Waits until `check` passes (output of child processes arrives a little after the answer). */
async function eventually(check: () => void, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

describe.each(clientLibraries)("two receiver processes sharing one Redis (%s)", (library) => {
  test(
    "each message delivered to both at once is handled exactly once, and both answer 200",
    { timeout: 30_000 },
    async () => {
      const [a, b] = await two(library);
      const sent = ids("wamid.scale-", 60);
      const statuses = await deliverToBoth([a, b], sent);
      expect(statuses).toEqual(statuses.map(() => 200));
      await eventually(() =>
        expect([...a.handled(), ...b.handled()].sort()).toEqual([...sent].sort()),
      );
      expect(a.errors()).toEqual([]);
      expect(b.errors()).toEqual([]);
    },
  );

  test(
    "a handler failure on one instance releases the claim: the platform's retry on the other is processed",
    { timeout: 30_000 },
    async () => {
      const [a, b] = await two(library, { failOnce: ["wamid.flaky"] });
      expect(await deliver(a.url, message("wamid.flaky"))).toBe(500);
      expect(a.handled()).toEqual([]);
      expect(await deliver(b.url, message("wamid.flaky"))).toBe(200);
      await eventually(() => expect(b.handled()).toEqual(["wamid.flaky"]));
      // A further retry, on either instance, is a duplicate now.
      expect(await deliver(a.url, message("wamid.flaky"))).toBe(200);
      expect(a.handled()).toEqual([]);
      expect(a.errors()).toEqual([expect.stringMatching(/^WebhookHandlerError: /)]);
    },
  );

  test(
    "with Redis killed mid-run, every delivery is still processed and each instance reports a DedupeStoreError",
    { timeout: 30_000 },
    async () => {
      const [a, b] = await two(library, { commandTimeoutMs: 300 });
      const before = ids("wamid.before-", 10);
      await deliverToBoth([a, b], before);
      await redis.kill();
      const after = ids("wamid.after-", 10);
      const statuses = await deliverToBoth([a, b], after);
      expect(statuses).toEqual(statuses.map(() => 200));
      await eventually(() => {
        const handled = [...a.handled(), ...b.handled()];
        // (Not "exactly once" here: with a 300 ms bound, a loaded machine may time a claim out.)
        expect(before.every((id) => handled.includes(id))).toBe(true);
        // Without the store, both copies run: a duplicate beats a loss.
        expect(after.every((id) => a.handled().includes(id) && b.handled().includes(id))).toBe(
          true,
        );
      });
      for (const receiver of [a, b]) {
        expect(receiver.errors().length).toBeGreaterThan(0);
        expect(receiver.errors().every((line) => line.startsWith("DedupeStoreError: "))).toBe(true);
      }
    },
  );
});
