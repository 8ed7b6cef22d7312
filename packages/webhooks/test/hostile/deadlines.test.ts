import { describe, expect, test } from "vitest";
import { clearDeadline, setDeadline } from "../../src/deadlines.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("body deadlines (one interval for every delivery of the Node adapter)", () => {
  test("a deadline fires once, not before its time", async () => {
    const started = performance.now();
    const fired: number[] = [];
    setDeadline(40, () => fired.push(performance.now() - started));
    await sleep(20);
    expect(fired).toEqual([]);
    await sleep(200);
    expect(fired).toHaveLength(1);
    expect(fired[0]).toBeGreaterThanOrEqual(40);
  });

  test("a cleared deadline never fires, and the others still do", async () => {
    const fired: string[] = [];
    const cleared = setDeadline(30, () => fired.push("cleared"));
    setDeadline(30, () => fired.push("kept"));
    clearDeadline(cleared);
    await sleep(150);
    expect(fired).toEqual(["kept"]);
  });

  test("a shorter deadline set while a longer one waits is not held to the longer one's pace", async () => {
    const fired: string[] = [];
    const long = setDeadline(5_000, () => fired.push("long"));
    setDeadline(20, () => fired.push("short"));
    await sleep(150);
    expect(fired).toEqual(["short"]);
    clearDeadline(long);
  });
});
