import { readFileSync } from "node:fs";
import { join } from "node:path";
import prettier from "prettier";
import { describe, expect, test } from "vitest";
import { printJson } from "../src/json-print.js";
import { findRepoRoot, loadSpec } from "../src/spec.js";

const repoRoot = findRepoRoot(import.meta.dirname);
const layout = { printWidth: 100, tabWidth: 2 };

const byPrettier = (value: unknown, printWidth = 100) =>
  prettier.format(JSON.stringify(value), { parser: "json", printWidth });

describe("printJson prints what prettier's json parser prints", () => {
  test.each([
    ["the repository's spec", join(repoRoot, "spec", "openapi.yaml")],
    ["the mini-xms fixture", join(import.meta.dirname, "fixtures", "mini-xms.yaml")],
  ])("for %s", async (_name, specPath) => {
    const { spec } = loadSpec(specPath, repoRoot);
    expect(printJson(spec, layout)).toBe(await byPrettier(spec));
  });

  test.each([
    ["an object that fits on its line", { a: { b: 1, c: "x" } }, 20],
    ["an object that fits only without the comma after it", { a: { b: 1 }, z: 0 }, 14],
    ["an object one column too wide", { key: { b: 1, c: 2 } }, 22],
    [
      "an array of two objects of two entries (always broken)",
      [
        { a: 1, b: 2 },
        { c: 3, d: 4 },
      ],
      80,
    ],
    ["an array of an object and an array", [{ a: 1, b: 2 }, [3, 4]], 80],
    ["an array of objects of one entry", [{ a: 1 }, { b: 2 }], 80],
    [
      "an array around an always-broken array (the break propagates)",
      [
        [
          [1, 2],
          [3, 4],
        ],
      ],
      80,
    ],
    ["empty objects and arrays", { a: {}, b: [], c: [{}] }, 5],
    ["scalars", [null, true, false, -1.5, 'q"uote\\', "tab\t"], 80],
    ["Latin and typographic punctuation", { d: "café – “quoted” …" }, 20],
  ])("for %s", async (_name, value, printWidth) => {
    expect(printJson(value, { printWidth, tabWidth: 2 })).toBe(await byPrettier(value, printWidth));
  });
});

describe("printJson leaves to prettier what it cannot be sure of", () => {
  test.each([
    ["a wide (CJK) character, which prettier counts as two columns", { a: "日本" }],
    ["an emoji", { a: "ok 👍" }],
    ["a number in exponent form", { a: 1e21 }],
    ["an array of numbers too long for one line (prettier fills it)", { a: [1, 2, 3, 4, 5, 6] }],
  ])("%s", (_name, value) => {
    expect(printJson(value, { printWidth: 10, tabWidth: 2 })).toBeUndefined();
  });

  test("an array of numbers that fits is printed", () => {
    expect(printJson({ a: [1, 2] }, layout)).toBe('{ "a": [1, 2] }\n');
  });
});

test("the committed openapi.json is what printJson prints of the spec", () => {
  const { spec } = loadSpec(join(repoRoot, "spec", "openapi.yaml"), repoRoot);
  expect(printJson(spec, layout)).toBe(
    readFileSync(join(repoRoot, "packages", "types", "openapi.json"), "utf8"),
  );
});
