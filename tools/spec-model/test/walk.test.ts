import { describe, expect, test } from "vitest";
import { walkDocument, type Path } from "../src/index.js";

function visits(node: unknown, skip: (value: unknown, path: Path) => boolean = () => false) {
  const seen: string[] = [];
  walkDocument(node, (value, path) => {
    seen.push(path.join("/"));
    return !skip(value, path);
  });
  return seen;
}

describe("walkDocument", () => {
  const cases: Array<[string, { given: unknown; want: string[] }]> = [
    ["a scalar root has nothing below it", { given: "x", want: [] }],
    [
      "objects and arrays, parents before children, in key order",
      { given: { a: { b: 1 }, c: [{ d: 2 }, 3] }, want: ["a", "a/b", "c", "c/0", "c/0/d", "c/1"] },
    ],
  ];
  test.each(cases)("%s", (_, { given, want }) => {
    expect(visits(given)).toEqual(want);
  });

  test("returning false skips a value's children, not its siblings", () => {
    const given = { example: { enum: ["x"] }, schema: { enum: ["y"] } };
    expect(visits(given, (_, path) => path.at(-1) === "example")).toEqual([
      "example",
      "schema",
      "schema/enum",
      "schema/enum/0",
    ]);
  });

  test("a cyclic document is walked once per object", () => {
    const a: Record<string, unknown> = { name: "a" };
    a["self"] = a;
    expect(visits({ a })).toEqual(["a", "a/name", "a/self"]);
  });

  test("paths start at `from`", () => {
    const paths: string[] = [];
    walkDocument({ b: 1 }, (_, path) => void paths.push(path.join("/")), ["paths", "x"]);
    expect(paths).toEqual(["paths/x/b"]);
  });
});
