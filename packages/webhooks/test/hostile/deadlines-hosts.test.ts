// Its own file, so that no shared interval from other tests is running: the host is decided
// when the first deadline starts one.
import { afterEach, describe, expect, test, vi } from "vitest";
import { clearDeadline, setDeadline } from "../../src/deadlines.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("body deadlines on hosts whose timers are not Node's", () => {
  test("where setInterval gives a number (Deno, a browser, a Worker), each deadline has a timer of its own that fires once", async () => {
    const intervals = vi.fn(() => 7);
    vi.stubGlobal("setInterval", intervals);
    vi.stubGlobal("clearInterval", () => {});
    const started = performance.now();
    const fired: number[] = [];
    const deadline = setDeadline(30, () => fired.push(performance.now() - started));
    const cleared = setDeadline(30, () => fired.push(-1));
    clearDeadline(cleared);
    expect(deadline.timer).toBeDefined();
    await sleep(150);
    expect(fired).toHaveLength(1);
    expect(fired[0]).toBeGreaterThanOrEqual(29);
    // Asked for an interval each time, and never kept one.
    expect(intervals).toHaveBeenCalledTimes(2);
  });

  test("on Cloudflare Workers with nodejs_compat (timers with unref()), too", async () => {
    vi.stubGlobal("navigator", { userAgent: "Cloudflare-Workers" });
    const fired: string[] = [];
    const deadline = setDeadline(20, () => fired.push("own"));
    expect(deadline.timer).toBeDefined();
    await sleep(120);
    expect(fired).toEqual(["own"]);
  });

  test("on Node, deadlines share the one interval: no timer of their own", () => {
    const deadline = setDeadline(5_000, () => {});
    expect(deadline.timer).toBeUndefined();
    clearDeadline(deadline);
  });
});
