import { describe, expect, it } from "vitest";
import {
  branchFor,
  composedSchemas,
  discriminatorOf,
  enumOf,
  mergeAllOf,
  mergeSchemas,
  visitSchemas,
  type JsonObject,
} from "../src/index.js";

const document: JsonObject = {
  components: {
    schemas: {
      Kind: { type: "string", enum: ["a", "b"] },
      OpenKind: { anyOf: [{ $ref: "#/components/schemas/Kind" }, { type: "string" }] },
      Base: {
        type: "object",
        required: ["id"],
        properties: { id: { type: "string" }, kind: { type: "string" } },
      },
      A: {
        allOf: [{ $ref: "#/components/schemas/Base" }, { properties: { kind: { const: "a" } } }],
      },
      B: {
        allOf: [{ $ref: "#/components/schemas/Base" }, { properties: { kind: { const: "b" } } }],
      },
      Mapped: {
        oneOf: [{ $ref: "#/components/schemas/A" }, { $ref: "#/components/schemas/B" }],
        discriminator: {
          propertyName: "kind",
          mapping: { b: "#/components/schemas/B", a: "#/components/schemas/A" },
        },
      },
      Unmapped: {
        oneOf: [{ $ref: "#/components/schemas/A" }, { $ref: "#/components/schemas/B" }],
        discriminator: { propertyName: "kind" },
      },
    },
  },
};

const schemas = (document["components"] as JsonObject)["schemas"] as JsonObject;

describe("enumOf", () => {
  it.each([
    [
      "a closed enum",
      { given: { type: "string", enum: ["x", "y"] }, want: { values: ["x", "y"], open: false } },
    ],
    [
      "an open enum",
      {
        given: { anyOf: [{ enum: ["x"] }, { type: "string" }] },
        want: { values: ["x"], open: true },
      },
    ],
    [
      "an open enum of a $ref",
      {
        given: { $ref: "#/components/schemas/OpenKind" },
        want: { values: ["a", "b"], open: true },
      },
    ],
    [
      "an open enum whose string branch is annotated",
      {
        given: { anyOf: [{ enum: ["x"] }, { type: "string", description: "any other" }] },
        want: { values: ["x"], open: true },
      },
    ],
    ["a non-string enum", { given: { enum: [1, 2] }, want: undefined }],
    [
      "an anyOf whose string has a format",
      { given: { anyOf: [{ enum: ["x"] }, { type: "string", format: "date" }] }, want: undefined },
    ],
    ["a plain string", { given: { type: "string" }, want: undefined }],
  ])("%s", (_, { given, want }) => {
    expect(enumOf(given, document)).toEqual(want);
  });
});

describe("discriminatorOf", () => {
  it("reads the mapping in its order, with each branch's index in oneOf", () => {
    const info = discriminatorOf({ $ref: "#/components/schemas/Mapped" }, document);
    expect(info?.propertyName).toBe("kind");
    expect(info?.branches.map(({ value, ref, index }) => ({ value, ref, index }))).toEqual([
      { value: "b", ref: "#/components/schemas/B", index: 1 },
      { value: "a", ref: "#/components/schemas/A", index: 0 },
    ]);
  });

  it("without a mapping, reads each branch's const through its allOf parts", () => {
    const info = discriminatorOf({ $ref: "#/components/schemas/Unmapped" }, document);
    expect(info?.branches.map(({ value, index }) => [value, index])).toEqual([
      ["a", 0],
      ["b", 1],
    ]);
  });

  it("branchFor selects by value, and nothing for an unknown or missing one", () => {
    const info = discriminatorOf({ $ref: "#/components/schemas/Mapped" }, document)!;
    expect(branchFor(info, "a")?.index).toBe(0);
    expect(branchFor(info, "c")).toBeUndefined();
    expect(branchFor(info, undefined)).toBeUndefined();
  });

  it("is undefined for a schema without a discriminator", () => {
    expect(discriminatorOf({ oneOf: [] }, document)).toBeUndefined();
  });
});

describe("mergeAllOf", () => {
  it.each([
    [
      "properties are united, required united, the schema's own keywords first",
      {
        given: {
          description: "own",
          allOf: [
            { $ref: "#/components/schemas/Base" },
            { required: ["kind"], properties: { extra: { type: "integer" } } },
          ],
        },
        want: {
          description: "own",
          type: "object",
          required: ["id", "kind"],
          properties: {
            id: { type: "string" },
            kind: { type: "string" },
            extra: { type: "integer" },
          },
        },
      },
    ],
    [
      "a property in two parts is merged by the same rule",
      {
        given: {
          allOf: [{ $ref: "#/components/schemas/Base" }, { properties: { kind: { const: "a" } } }],
        },
        want: {
          type: "object",
          required: ["id"],
          properties: { id: { type: "string" }, kind: { type: "string", const: "a" } },
        },
      },
    ],
    [
      "type and enum are intersected",
      {
        given: {
          allOf: [
            { type: ["string", "null"], enum: ["a", "b", null] },
            { type: "string", enum: ["b", "c"] },
          ],
        },
        want: { type: "string", enum: ["b"] },
      },
    ],
    [
      "integer and number meet at integer",
      { given: { allOf: [{ type: "number" }, { type: "integer" }] }, want: { type: "integer" } },
    ],
    [
      "annotations: the first wins",
      {
        given: {
          allOf: [
            { description: "first", "x-a": 1 },
            { description: "second", "x-a": 2 },
          ],
        },
        want: { description: "first", "x-a": 1 },
      },
    ],
    [
      "two different constraints are both kept (the later in an allOf)",
      {
        given: { allOf: [{ pattern: "^a" }, { pattern: "b$" }] },
        want: { pattern: "^a", allOf: [{ pattern: "b$" }] },
      },
    ],
    [
      "leftover constraints of the parts' own conflicts are all kept, in order",
      {
        given: {
          allOf: [
            { allOf: [{ maxLength: 5 }, { maxLength: 3 }] },
            { allOf: [{ pattern: "^a" }, { pattern: "b$" }] },
          ],
        },
        want: { maxLength: 5, pattern: "^a", allOf: [{ maxLength: 3 }, { pattern: "b$" }] },
      },
    ],
    [
      "a schema without allOf is returned as it is",
      { given: { type: "string" }, want: { type: "string" } },
    ],
  ])("%s", (_, { given, want }) => {
    expect(mergeAllOf(given as JsonObject, document)).toEqual(want);
  });
});

describe("mergeSchemas with mergeProperty", () => {
  it("merges a property both parts declare differently with the caller's function, and only such a one", () => {
    const calls: [unknown, unknown][] = [];
    const shared = { type: "string" };
    const merged = mergeSchemas(
      { properties: { a: { maxLength: 2 }, same: shared } },
      { properties: { a: { minLength: 1 }, same: shared, b: { type: "integer" } } },
      undefined,
      {
        mergeProperty: (x, y) => {
          calls.push([x, y]);
          return { merged: true };
        },
      },
    );
    expect(merged).toEqual({
      properties: { a: { merged: true }, same: shared, b: { type: "integer" } },
    });
    expect(calls).toEqual([[{ maxLength: 2 }, { minLength: 1 }]]);
  });
});

describe("composedSchemas", () => {
  it.each([
    [
      "a schema without compositions is itself",
      { given: { type: "string" }, want: [{ type: "string" }] },
    ],
    [
      "allOf, anyOf and oneOf members, depth first, $refs followed",
      {
        given: {
          allOf: [{ $ref: "#/components/schemas/Base" }],
          oneOf: [{ anyOf: [{ const: "x" }] }],
        },
        want: [
          {
            allOf: [{ $ref: "#/components/schemas/Base" }],
            oneOf: [{ anyOf: [{ const: "x" }] }],
          },
          schemas["Base"],
          { anyOf: [{ const: "x" }] },
          { const: "x" },
        ],
      },
    ],
    [
      "a member reached twice is listed once",
      {
        given: { $ref: "#/components/schemas/A" },
        want: [schemas["A"], schemas["Base"], { properties: { kind: { const: "a" } } }],
      },
    ],
  ])("%s", (_, { given, want }) => {
    expect(composedSchemas(given, document)).toEqual(want);
  });

  it("ends on a cycle, and without a document leaves $refs as they are", () => {
    const node: JsonObject = { allOf: [] };
    (node["allOf"] as unknown[]).push(node, { $ref: "#/x" });
    expect(composedSchemas(node)).toEqual([node, { $ref: "#/x" }]);
  });
});

describe("visitSchemas", () => {
  it("visits every subschema once, parents first, with its pointer and keyword", () => {
    const schema = {
      type: "object",
      properties: { a: { type: "array", items: { $ref: "#/x" } } },
      oneOf: [{ type: "string" }],
      additionalProperties: { type: "integer" },
      contentSchema: { type: "object" },
    };
    const seen: [string, string][] = [];
    visitSchemas(
      schema,
      (_node, { pointer, keyword }) => void seen.push([pointer, keyword]),
      "/root",
    );
    expect(seen).toEqual([
      ["/root", ""],
      ["/root/properties/a", "properties"],
      ["/root/properties/a/items", "items"],
      ["/root/oneOf/0", "oneOf"],
      ["/root/additionalProperties", "additionalProperties"],
      ["/root/contentSchema", "contentSchema"],
    ]);
  });

  it("walks a cyclic (dereferenced) schema without looping, and stops where the visitor says", () => {
    const node: JsonObject = { type: "object", properties: {} };
    (node["properties"] as JsonObject)["self"] = node;
    (node["properties"] as JsonObject)["leaf"] = {
      type: "object",
      properties: { deep: { type: "string" } },
    };
    const pointers: string[] = [];
    visitSchemas(node, (child, { pointer }) => {
      pointers.push(pointer);
      return pointer !== "/properties/leaf";
    });
    expect(pointers).toEqual(["", "/properties/leaf"]);
  });
});
