import { describe, expect, test } from "vitest";
import { defName, reachable, refName, type Json } from "../../src/transform/json-schema.js";

describe("the $defs references of converted schemas", () => {
  test.each<[string, string]>([
    ["#/components/schemas/InBoundMsg", "InBoundMsg"],
    ["#/$defs/InBoundMsg", "InBoundMsg"],
  ])("defName(%s) is %s", (ref, name) => {
    expect(defName(ref)).toBe(name);
  });

  test("refName names the target of a bare $ref only", () => {
    expect(refName({ $ref: "#/$defs/A" })).toBe("A");
    expect(refName({ $ref: "#/$defs/A", description: "x" })).toBeUndefined();
    expect(refName({ type: "string" })).toBeUndefined();
  });

  test("reachable: the roots and every definition they reach, through any subschema, sorted", () => {
    const defs: Record<string, Json> = {
      Wrapper: { properties: { items: { type: "array", items: { $ref: "#/$defs/Item" } } } },
      Item: { allOf: [{ if: { required: ["a"] }, then: { $ref: "#/$defs/Branch" } }] },
      Branch: { properties: { back: { $ref: "#/$defs/Item" } } },
      Unused: { type: "string" },
    };
    expect(reachable(defs, ["Wrapper"])).toEqual(["Branch", "Item", "Wrapper"]);
  });

  test("reachable refuses a $ref to a definition that does not exist", () => {
    expect(() => reachable({ A: { $ref: "#/$defs/Missing" } }, ["A"])).toThrow("no schema Missing");
  });
});
