import { describe, expect, test } from "vitest";
import type { Json } from "../../src/transform/json-schema.js";
import { lossless, losslessTypes } from "../../src/transform/lossless.js";

describe("losslessTypes: what each object and array schema converts", () => {
  test.each<[string, Record<string, Json>, Json]>([
    [
      "the scalar properties, by declared type, following $refs",
      {
        Id: { type: "string" },
        Msg: {
          type: "object",
          properties: {
            id: { $ref: "#/$defs/Id" },
            at: { type: "integer" },
            tags: { type: "array" },
          },
        },
      },
      {
        type: "object",
        properties: {
          id: { $ref: "#/$defs/Id" },
          at: { type: "integer" },
          tags: { type: "array" },
        },
        xmsLosslessProperties: { id: ["string"], at: ["integer"] },
      },
    ],
    [
      "an array's scalar items",
      { Msg: { type: "array", items: { type: "number" } } },
      { type: "array", items: { type: "number" }, xmsLosslessItems: ["number"] },
    ],
    [
      "nothing inside an `if`, which only tests",
      { Msg: { if: { properties: { a: { type: "string" } } } } },
      { if: { properties: { a: { type: "string" } } } },
    ],
  ])("%s", (_, defs, want) => {
    expect(losslessTypes(defs)["Msg"]).toEqual(want);
  });
});

describe("lossless: the conversion the generated validators run", () => {
  test.each<[string, unknown, string[], unknown]>([
    ["a number where a string is declared", 1234567, ["string"], "1234567"],
    ["a boolean where a string is declared", true, ["string"], "true"],
    [
      "a canonical number text where an integer is declared",
      "156753339076",
      ["integer"],
      156753339076,
    ],
    ["not a non-canonical text", "01", ["integer"], "01"],
    ["not a fraction where an integer is declared", "1.5", ["integer"], "1.5"],
    ["not an integer past 2^53 to a string", 2 ** 60, ["string"], 2 ** 60],
    ["not null", null, ["string"], null],
  ])("%s", (_, given, types, want) => {
    const container: Record<string, unknown> = { value: given };
    lossless(container, { value: types });
    expect(container["value"]).toEqual(want);
  });
});
