import { describe, expect, test } from "vitest";
import type { Json } from "../../src/transform/json-schema.js";
import { strictDefs } from "../../src/transform/seal.js";

describe("strictDefs: every schema that describes a whole value is sealed", () => {
  test.each<[string, Record<string, Json>, Record<string, Json>]>([
    [
      "an object gets unevaluatedProperties: false, and so do its object properties and items",
      {
        Pet: {
          type: "object",
          properties: { tags: { type: "array", items: { type: "object", properties: {} } } },
        },
      },
      {
        Pet: {
          type: "object",
          properties: {
            tags: {
              type: "array",
              items: { type: "object", properties: {}, unevaluatedProperties: false },
            },
          },
          unevaluatedProperties: false,
        },
      },
    ],
    [
      "a map that says additionalProperties: true stays open",
      { Bag: { type: "object", additionalProperties: true } },
      { Bag: { type: "object", additionalProperties: true } },
    ],
    [
      "an allOf part is left unsealed, its $ref pointing to an unsealed copy (Name__mixin)",
      {
        Base: { type: "object", properties: { id: { type: "string" } } },
        Text: { allOf: [{ $ref: "#/$defs/Base" }, { type: "object", properties: {} }] },
      },
      {
        Base: {
          type: "object",
          properties: { id: { type: "string" } },
          unevaluatedProperties: false,
        },
        Base__mixin: { type: "object", properties: { id: { type: "string" } } },
        Text: {
          allOf: [{ $ref: "#/$defs/Base__mixin" }, { type: "object", properties: {} }],
          unevaluatedProperties: false,
        },
      },
    ],
  ])("%s", (_, given, want) => {
    expect(strictDefs(given)).toEqual(want);
  });
});
