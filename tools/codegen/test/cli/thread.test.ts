import { describe, expect, test } from "vitest";
import { Thread } from "../../src/thread.js";

describe("a worker thread that stops", () => {
  test("rejects the pending call instead of leaving it unanswered, and says it is no longer alive", async () => {
    const thread = new Thread<string, string>(
      new URL("../fixtures/threads/exits.mjs", import.meta.url),
    );
    expect(thread.alive).toBe(true);
    await expect(thread.call("anything")).rejects.toThrow(/worker thread exited \(3\)/);
    expect(thread.alive).toBe(false);
  });
});
