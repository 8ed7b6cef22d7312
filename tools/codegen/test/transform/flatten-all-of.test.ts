import { describe, expect, test } from "vitest";
import { flattenAllOf } from "../../src/transform/flatten-all-of.js";
import type { Json } from "../../src/transform/json-schema.js";

const base: Json = { type: "object", required: ["id"], properties: { id: { type: "string" } } };

describe("flattenAllOf: an allOf of plain object schemas becomes one object schema", () => {
  test.each<[string, Record<string, Json>, Json]>([
    [
      "a $ref'd base and an inline part merge properties and required, in order",
      {
        Base: base,
        Text: {
          allOf: [
            { $ref: "#/$defs/Base" },
            { type: "object", required: ["text"], properties: { text: { type: "string" } } },
          ],
        },
      },
      {
        type: "object",
        required: ["id", "text"],
        properties: { id: { type: "string" }, text: { type: "string" } },
      },
    ],
    [
      "a property both parts declare differently is merged by the spec model's rule",
      {
        Base: base,
        Narrow: { allOf: [{ $ref: "#/$defs/Base" }, { properties: { id: { minLength: 1 } } }] },
      },
      {
        type: "object",
        required: ["id"],
        properties: { id: { type: "string", minLength: 1 } },
      },
    ],
    [
      "a constraint both parts give differently keeps both: the first in place, the later in an allOf",
      {
        Base: { properties: { code: { type: "string", pattern: "^[A-Z]+$" } } },
        Coded: {
          allOf: [{ $ref: "#/$defs/Base" }, { properties: { code: { pattern: "^.{2}$" } } }],
        },
      },
      {
        type: "object",
        properties: {
          code: { type: "string", pattern: "^[A-Z]+$", allOf: [{ pattern: "^.{2}$" }] },
        },
      },
    ],
    [
      "a part that is not a plain object schema leaves the allOf as it is",
      {
        Base: base,
        Open: { allOf: [{ $ref: "#/$defs/Base" }, { additionalProperties: true }] },
      },
      { allOf: [{ $ref: "#/$defs/Base" }, { additionalProperties: true }] },
    ],
  ])("%s", (_, defs, want) => {
    const name = Object.keys(defs)[1] as string;
    expect(flattenAllOf(defs)[name]).toEqual(want);
  });
});
