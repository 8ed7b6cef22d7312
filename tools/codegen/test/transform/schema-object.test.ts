import { describe, expect, test } from "vitest";
import { isPicker } from "../../src/transform/discriminator-picker.js";
import type { Json } from "../../src/transform/json-schema.js";
import { toJsonSchema } from "../../src/transform/schema-object.js";

describe("toJsonSchema: an OpenAPI schema object as plain JSON Schema 2020-12", () => {
  test.each<[string, Json, Json]>([
    ["a $ref points into $defs", { $ref: "#/components/schemas/Pet" }, { $ref: "#/$defs/Pet" }],
    [
      "annotations and x- extensions go; enum, const and required stay as they are",
      {
        type: "object",
        description: "a pet",
        examples: [{}],
        "x-inferred": true,
        required: ["name"],
        properties: {
          name: { type: "string", format: "int32", default: "x" },
          kind: { const: "cat" },
        },
      },
      {
        type: "object",
        required: ["name"],
        properties: { name: { type: "string" }, kind: { const: "cat" } },
      },
    ],
    [
      "an open enum (type string + anyOf [enum, string]) becomes its base type",
      { type: "string", anyOf: [{ enum: ["a", "b"] }, { type: "string" }] },
      { type: "string" },
    ],
    [
      "a property named like a keyword is still a property",
      { properties: { description: { type: "string", description: "the text" } } },
      { properties: { description: { type: "string" } } },
    ],
  ])("%s", (_, given, want) => {
    expect(toJsonSchema(given)).toEqual(want);
  });

  test("a discriminated oneOf becomes a picker, one if/then per mapped value", () => {
    const given: Json = {
      oneOf: [{ $ref: "#/components/schemas/Cat" }, { $ref: "#/components/schemas/Dog" }],
      discriminator: {
        propertyName: "kind",
        mapping: { cat: "#/components/schemas/Cat", dog: "#/components/schemas/Dog" },
      },
    };
    const got = toJsonSchema(given);
    expect(got).toEqual({
      type: "object",
      required: ["kind"],
      properties: { kind: { enum: ["cat", "dog"] } },
      allOf: [
        {
          if: { properties: { kind: { const: "cat" } }, required: ["kind"] },
          then: { $ref: "#/$defs/Cat" },
        },
        {
          if: { properties: { kind: { const: "dog" } }, required: ["kind"] },
          then: { $ref: "#/$defs/Dog" },
        },
      ],
    });
    expect(isPicker(got)).toBe(true);
  });

  test("a oneOf with a discriminator but no mapping stays a oneOf", () => {
    const given: Json = {
      oneOf: [{ $ref: "#/components/schemas/Cat" }],
      discriminator: { propertyName: "kind" },
    };
    const got = toJsonSchema(given);
    expect(got).toEqual({ oneOf: [{ $ref: "#/$defs/Cat" }] });
    expect(isPicker(got)).toBe(false);
  });

  test("a $ref outside components/schemas is refused", () => {
    expect(() => toJsonSchema({ $ref: "#/components/parameters/X" })).toThrow(
      "unsupported $ref #/components/parameters/X",
    );
  });
});
