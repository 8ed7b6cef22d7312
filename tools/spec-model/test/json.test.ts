import { describe, expect, it } from "vitest";
import { atPointer, deref, parsePointer, schemaRefName, toPointer } from "../src/index.js";

const document = {
  components: {
    schemas: {
      A: { $ref: "#/components/schemas/B" },
      B: { type: "string" },
      "a/b": { type: "object" },
    },
  },
  list: [{ x: 1 }],
};

describe("JSON Pointers", () => {
  it.each([
    ["plain tokens", { given: ["a", "b"], want: "/a/b" }],
    ["a slash is ~1", { given: ["paths", "/api/v1"], want: "/paths/~1api~1v1" }],
    ["a tilde is ~0", { given: ["a~b"], want: "/a~0b" }],
    ["an index", { given: ["list", 0], want: "/list/0" }],
    ["the root", { given: [], want: "" }],
  ])("toPointer: %s", (_, { given, want }) => {
    expect(toPointer(given)).toBe(want);
    expect(parsePointer(want)).toEqual(given.map(String));
  });

  it.each([
    ["an object member", { given: "/components/schemas/B", want: { type: "string" } }],
    ["an escaped name", { given: "/components/schemas/a~1b", want: { type: "object" } }],
    ["an array element", { given: "/list/0/x", want: 1 }],
    ["nowhere", { given: "/list/0/x/y", want: undefined }],
  ])("atPointer: %s", (_, { given, want }) => {
    expect(atPointer(document, given)).toEqual(want);
  });

  it("parsePointer refuses a string that is not a pointer", () => {
    expect(() => parsePointer("a/b")).toThrow(/not a JSON Pointer/);
  });
});

describe("$refs", () => {
  it("deref follows a chain to its last target and says where that is", () => {
    expect(deref(document, { $ref: "#/components/schemas/A" }, "/x")).toEqual({
      node: { type: "string" },
      pointer: "/components/schemas/B",
    });
  });

  it("deref returns a non-reference as it is, at its own pointer", () => {
    expect(deref(document, { type: "integer" }, "/here")).toEqual({
      node: { type: "integer" },
      pointer: "/here",
    });
  });

  it("deref refuses a cycle and an unresolvable or external $ref", () => {
    const cyclic = { a: { $ref: "#/b" }, b: { $ref: "#/a" } };
    expect(() => deref(cyclic, cyclic.a)).toThrow(/cycle/);
    expect(() => deref(document, { $ref: "#/nope" })).toThrow(/unresolvable/);
    expect(() => deref(document, { $ref: "other.yaml#/x" })).toThrow(/only local/);
  });

  it.each([
    ["a schema ref", { given: { $ref: "#/components/schemas/InBoundMsg" }, want: "InBoundMsg" }],
    ["another component", { given: { $ref: "#/components/responses/X" }, want: undefined }],
    ["not a ref", { given: { type: "string" }, want: undefined }],
  ])("schemaRefName: %s", (_, { given, want }) => {
    expect(schemaRefName(given)).toBe(want);
  });
});
