import { describe, expect, test } from "vitest";
import { isPicker, pickerOf } from "../../src/transform/discriminator-picker.js";
import type { Json, JsonObject } from "../../src/transform/json-schema.js";
import { relaxEnums } from "../../src/transform/lenient.js";

const variant = (value: string): Json => ({
  allOf: [{ $ref: "#/$defs/MsgBase" }, { properties: { type: { const: value } } }],
});
const picker = (): JsonObject =>
  pickerOf({
    oneOf: [{ $ref: "#/components/schemas/Text" }, { $ref: "#/components/schemas/Image" }],
    discriminator: {
      propertyName: "type",
      mapping: { text: "#/components/schemas/Text", image: "#/components/schemas/Image" },
    },
  }) as JsonObject;

describe("relaxEnums: the lenient rule", () => {
  test.each<[string, Json, Json]>([
    [
      "a string enum becomes type string, the rest of the schema kept",
      { enum: ["READ", "SENT"], description: "kept" },
      { description: "kept", type: "string" },
    ],
    [
      "an enum inside an `if` keeps its list: it decides which branch applies",
      { if: { properties: { a: { enum: ["x"] } } }, then: { properties: { b: { enum: ["y"] } } } },
      {
        if: { properties: { a: { enum: ["x"] } } },
        then: { properties: { b: { type: "string" } } },
      },
    ],
    ["an enum of numbers stays closed", { enum: [1, 2] }, { enum: [1, 2] }],
  ])("%s", (_, given, want) => {
    expect(relaxEnums({}, { It: given })["It"]).toEqual(want);
  });

  test("a discriminated union gains a fallback: an unmapped value is checked against the shared base", () => {
    const converted = { Text: variant("text"), Image: variant("image") };
    const got = relaxEnums(converted, { Msg: picker() })["Msg"] as JsonObject;
    expect(got["properties"]).toEqual({ type: { type: "string" } });
    expect((got["allOf"] as Json[]).at(-1)).toEqual({
      if: {
        properties: { type: { type: "string", not: { enum: ["text", "image"] } } },
        required: ["type"],
      },
      then: { $ref: "#/$defs/MsgBase" },
    });
    expect(isPicker(got)).toBe(true);
  });

  test("refuses a union whose variants share no single base", () => {
    const converted = { Text: { type: "object" }, Image: variant("image") };
    expect(() => relaxEnums(converted, { Msg: picker() })).toThrow(
      "the variants Text, Image must share exactly one allOf $ref (their base), found 0",
    );
  });

  test("refuses a string enum on a schema of another type", () => {
    expect(() => relaxEnums({}, { It: { type: "integer", enum: ["1"] } })).toThrow(
      'an enum of strings on a schema of type "integer"',
    );
  });
});
