import ts from "typescript";
import { describe, expect, test } from "vitest";
import type { SchemaObject } from "openapi-typescript";
import { transformOpenEnum } from "../../src/transform/open-enum.js";

function print(node: ts.TypeNode | undefined): string | undefined {
  if (!node) return undefined;
  const file = ts.createSourceFile("x.ts", "", ts.ScriptTarget.Latest);
  return ts.createPrinter().printNode(ts.EmitHint.Unspecified, node, file);
}

describe("transformOpenEnum", () => {
  test.each<[string, { given: object; want: string | undefined }]>([
    [
      "an enum or any string keeps its literals",
      {
        given: { type: "string", anyOf: [{ enum: ["A", "B"] }, { type: "string" }] },
        want: '"A" | "B" | (string & {})',
      },
    ],
    [
      "the order of the two branches does not matter",
      { given: { anyOf: [{ type: "string" }, { enum: ["A"] }] }, want: '"A" | (string & {})' },
    ],
    [
      "a closed enum is left to openapi-typescript",
      { given: { type: "string", enum: ["A"] }, want: undefined },
    ],
    [
      "an anyOf with a constrained string branch is left alone",
      { given: { anyOf: [{ enum: ["A"] }, { type: "string", minLength: 2 }] }, want: undefined },
    ],
    [
      "an anyOf of two objects is left alone",
      { given: { anyOf: [{ type: "object" }, { type: "object" }] }, want: undefined },
    ],
    [
      "an enum of numbers is left alone",
      { given: { anyOf: [{ enum: [1, 2] }, { type: "string" }] }, want: undefined },
    ],
  ])("%s", (_, { given, want }) => {
    expect(print(transformOpenEnum(given as SchemaObject))).toBe(want);
  });
});
