import { describe, expect, test } from "vitest";
import { collectExamples } from "../../src/examples.js";
import type { JsonObject } from "../../src/json.js";
import { createValidator } from "../../src/validator.js";

/** A small spec with a valid and an invalid example of each kind. */
const spec: JsonObject = {
  openapi: "3.1.0",
  info: { title: "t", version: "1" },
  paths: {
    "/things": {
      parameters: [
        { name: "limit", in: "query", schema: { type: "integer", format: "int32" }, example: 10 },
      ],
      post: {
        parameters: [{ $ref: "#/components/parameters/Id" }],
        requestBody: {
          content: {
            "application/json": {
              schema: { $ref: "#/components/schemas/Msg" },
              examples: {
                text: { value: { type: "text", text: "hi" } },
                shared: { $ref: "#/components/examples/ImageWithoutImage" },
                remote: { externalValue: "https://example.com/thing.json" },
              },
            },
          },
        },
        responses: {
          "200": { $ref: "#/components/responses/Ok" },
          "429": {
            description: "slow down",
            headers: { "Retry-After": { schema: { type: "integer" }, example: "soon" } },
          },
        },
      },
      get: {
        responses: {
          "200": {
            description: "no example",
            content: { "application/json": { schema: { type: "object" } } },
          },
        },
      },
    },
  },
  webhooks: {
    ping: {
      post: {
        requestBody: { content: { "application/json": { schema: { type: "object" } } } },
        responses: { "200": { description: "no body" } },
      },
    },
  },
  components: {
    parameters: {
      Id: { name: "id", in: "header", schema: { type: "string" }, example: 5 },
    },
    examples: { ImageWithoutImage: { value: { type: "image" } } },
    responses: {
      Unused: {
        description: "used by no operation",
        content: { "application/json": { schema: { type: "string" }, example: 1 } },
      },
      Ok: {
        description: "ok",
        content: {
          "application/json": {
            schema: { $ref: "#/components/schemas/Msg" },
            example: { type: "text", text: "hi" },
          },
        },
      },
    },
    schemas: {
      Msg: {
        oneOf: [{ $ref: "#/components/schemas/Text" }, { $ref: "#/components/schemas/Image" }],
        discriminator: {
          propertyName: "type",
          mapping: { text: "#/components/schemas/Text", image: "#/components/schemas/Image" },
        },
      },
      Text: {
        type: "object",
        required: ["type", "text"],
        properties: {
          type: { type: "string", const: "text" },
          text: { type: "string", examples: ["hello", 3] },
        },
      },
      Image: {
        type: "object",
        "x-sdk-name": "image",
        required: ["type", "image"],
        properties: {
          type: { type: "string", const: "image" },
          image: { type: "string", format: "uri" },
        },
      },
      Stamp: { type: "integer", format: "int64", examples: [1696599000000] },
    },
  },
};

const { cases, requirements } = collectExamples(spec);
const validate = createValidator(spec);
const outcome = (name: string) => {
  const found = cases.find((c) => c.name === name);
  if (found === undefined)
    throw new Error(`no case ${name}; have:\n${cases.map((c) => c.name).join("\n")}`);
  if (found.problem !== undefined) return found.problem;
  return validate(found.schemaPointer ?? "", found.value).valid;
};

describe("collectExamples() with createValidator()", () => {
  test("checks path-level and shared parameter examples against the parameter schema", () => {
    // A path-level parameter is named by the first operation of the path (in method order).
    expect(outcome("GET /things › parameter limit (query) › example")).toBe(true);
    expect(
      outcome("POST /things › parameter id (header) (#/components/parameters/Id) › example"),
    ).toBe(false);
  });

  test("checks request examples against a oneOf with a discriminator mapping", () => {
    expect(outcome("POST /things › request body › application/json › examples.text")).toBe(true);
    expect(
      outcome(
        "POST /things › request body › application/json › examples.shared (#/components/examples/ImageWithoutImage)",
      ),
    ).toBe(false);
  });

  test("reports an externalValue example as uncheckable instead of passing it", () => {
    expect(outcome("POST /things › request body › application/json › examples.remote")).toMatch(
      /externalValue/,
    );
  });

  test("checks shared responses and response headers", () => {
    expect(
      outcome(
        "POST /things › response 200 (#/components/responses/Ok) › application/json › example",
      ),
    ).toBe(true);
    expect(outcome("POST /things › response 429 › header Retry-After › example")).toBe(false);
  });

  test("checks every schema-level example against the schema that holds it", () => {
    expect(outcome("schema #/components/schemas/Text/properties/text › examples[0]")).toBe(true);
    expect(outcome("schema #/components/schemas/Text/properties/text › examples[1]")).toBe(false);
    expect(outcome("schema #/components/schemas/Stamp › examples[0]")).toBe(true);
  });

  test("checks components no operation uses", () => {
    expect(outcome("components.responses.Unused › application/json › example")).toBe(false);
  });

  test("checks a shared component once", () => {
    const names = cases.map((c) => c.examplePointer);
    expect(new Set(names).size).toBe(names.length);
  });

  test("names where the failure is and why", () => {
    const [error] = validate("/components/schemas/Text/properties/text", 3).errors;
    expect(error).toMatch(/^\(root\) must be string/);
    expect(validate("/components/schemas/Msg", { type: "text" }).errors.join("\n")).toMatch(
      /must have required property 'text'/,
    );
  });

  test("counts examples where one is required: request bodies and 200 responses with a body", () => {
    expect(requirements.map(({ name, count }) => [name, count])).toEqual([
      ["GET /things › response 200", 0],
      ["POST /things › request body", 3],
      ["POST /things › response 200 (#/components/responses/Ok)", 1],
      ["webhook ping (POST) › request body", 0],
    ]);
  });
});
