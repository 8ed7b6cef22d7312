// Its own file, so that no shared interval from other tests is running: the host is decided
// when the first deadline starts one.
import { afterEach, describe, expect, test, vi } from "vitest";
import { clearDeadline, setDeadline } from "../../src/deadlines.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("body deadlines on hosts whose timers are not Node's", () => {
  test("where timers are numbers (Deno, a browser, a Worker), each deadline has a timer of its own that fires once, and no interval runs", async () => {
    // The host's setTimeout, as Deno's: the same timers, known by number.
    const timers = new Map<number, ReturnType<typeof setTimeout>>();
    let next = 1;
    const realSetTimeout = setTimeout;
    const realClearTimeout = clearTimeout;
    vi.stubGlobal("setTimeout", (callback: () => void, ms: number) => {
      const id = next++;
      timers.set(id, realSetTimeout(callback, ms));
      return id;
    });
    vi.stubGlobal("clearTimeout", (id: number) => realClearTimeout(timers.get(id)));
    const intervals = vi.fn();
    vi.stubGlobal("setInterval", intervals);
    const started = performance.now();
    const fired: number[] = [];
    const deadline = setDeadline(30, () => fired.push(performance.now() - started));
    const cleared = setDeadline(30, () => fired.push(-1));
    clearDeadline(cleared);
    expect(deadline.timer).toBeDefined();
    await sleep(150);
    expect(fired).toHaveLength(1);
    expect(fired[0]).toBeGreaterThanOrEqual(29);
    expect(intervals).not.toHaveBeenCalled();
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
