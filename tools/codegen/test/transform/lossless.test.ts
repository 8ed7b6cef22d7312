import { describe, expect, test } from "vitest";
import type { Json } from "../../src/transform/json-schema.js";
import { createRequire } from "node:module";
import { lossless, losslessKeywords, losslessTypes } from "../../src/transform/lossless.js";

const require = createRequire(import.meta.url);
const { Ajv2020 } = require("ajv/dist/2020.js") as typeof import("ajv/dist/2020.js");

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
    lossless(container, "value", types);
    expect(container["value"]).toEqual(want);
  });
});

describe("the generated code: an inline type test, then the conversion", () => {
  const declared = [
    ["string"],
    ["integer"],
    ["number"],
    ["boolean"],
    ["string", "null"],
    ["integer", "string"],
    ["number", "boolean"],
    ["integer", "null"],
    ["string", "object"],
  ];
  const values = [
    "1234567",
    "1.5",
    "01",
    "text",
    "",
    1234567,
    1.5,
    -0,
    2 ** 60,
    true,
    false,
    null,
    [],
    {},
    undefined,
  ];
  const ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true, strict: true });
  losslessKeywords.forEach((keyword) => ajv.addKeyword(keyword));

  // The inline test skips the call for values of a declared type: it must never skip a value
  // that the conversion would change, on an object's property or on an array's item.
  test.each(declared.map((types) => [types.join(" | "), types] as const))(
    "converts exactly as lossless() does, where %s is declared",
    (_, types) => {
      const object = ajv.compile({ type: "object", xmsLosslessProperties: { value: types } });
      const array = ajv.compile({ type: "array", xmsLosslessItems: types });
      for (const given of values) {
        const want: Record<string, unknown> = { value: given };
        lossless(want, "value", types);
        const got: Record<string, unknown> = given === undefined ? {} : { value: given };
        object(got);
        expect(got["value"], `${JSON.stringify(given)} as ${types.join("|")}`).toEqual(
          want["value"],
        );
        const items = [given, given];
        array(items);
        expect(items).toEqual([want["value"], want["value"]]);
      }
    },
  );
});
