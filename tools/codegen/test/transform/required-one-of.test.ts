import { describe, expect, test } from "vitest";
import type { SchemaObject } from "openapi-typescript";
import type { OpenAPIDocument } from "../../src/spec.js";
import { transformDocument } from "../../src/transform/openapi-ts.js";
import { requiredOneOf } from "../../src/transform/required-one-of.js";

/** openapi-typescript's SchemaObject has no branch of `required` alone; the spec is JSON Schema. */
const schema = (value: object) => value as SchemaObject;

/** The rendered type of `components.schemas.S`, whitespace collapsed. */
async function render(schema: object): Promise<string> {
  const spec = {
    openapi: "3.1.0",
    info: { title: "t", version: "1" },
    paths: {},
    components: { schemas: { S: schema } },
  } as unknown as OpenAPIDocument;
  const source = (await transformDocument(spec)).replace(/\s+/g, " ");
  return /schemas: \{ S: (.*?); \}; responses/.exec(source)?.[1] ?? source;
}

const recipient = {
  type: "object",
  properties: {
    contactId: { type: "string" },
    phone: { type: "string" },
    name: { type: "string" },
  },
};

describe("anyOf of one-property required lists", () => {
  test("is read as the properties one of which is required", () => {
    expect(
      requiredOneOf(
        schema({ ...recipient, anyOf: [{ required: ["contactId"] }, { required: ["phone"] }] }),
      ),
    ).toEqual(["contactId", "phone"]);
  });

  test.each([
    [
      "a branch with more than required",
      [{ required: ["phone"], properties: {} }, { required: ["name"] }],
    ],
    [
      "a branch requiring two properties",
      [{ required: ["phone", "name"] }, { required: ["name"] }],
    ],
    ["a property the object does not declare", [{ required: ["email"] }, { required: ["phone"] }]],
    ["a single branch", [{ required: ["phone"] }]],
  ])("is not recognised with %s", (_name, anyOf) => {
    expect(requiredOneOf(schema({ ...recipient, anyOf }))).toBeUndefined();
  });

  test("renders as a union of the object, each member with one of them required", async () => {
    const rendered = await render({
      ...recipient,
      anyOf: [{ required: ["contactId"] }, { required: ["phone"] }],
    });
    expect(rendered).toBe(
      "{ contactId: string; phone?: string; name?: string; } | { contactId?: string; phone: string; name?: string; }",
    );
  });

  test("openapi-typescript alone would render it as unknown (why the transform exists)", async () => {
    const rendered = await render({
      ...recipient,
      anyOf: [{ required: ["contactId"] }, { required: ["phone"], description: "x" }],
    });
    expect(rendered).toContain("unknown");
  });
});
