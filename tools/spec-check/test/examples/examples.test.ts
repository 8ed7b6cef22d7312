import { describe, expect, test } from "vitest";
import { collectExamples } from "../../src/examples.js";
import { loadSpec } from "../../src/spec.js";
import { createValidator } from "../../src/validator.js";

const spec = loadSpec();
const { cases, requirements } = collectExamples(spec);
const validate = createValidator(spec);

describe("every example of the spec satisfies its schema", () => {
  test.each(cases.map((c) => [c.name, c] as const))("%s", (_name, example) => {
    expect(example.problem).toBeUndefined();
    expect(example.schemaPointer, "an example needs a schema to be checked against").toBeDefined();
    const result = validate(example.schemaPointer ?? "", example.value);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });
});

describe("every request body, webhook body and 200 response has an example", () => {
  test.each(requirements.map((r) => [r.name, r] as const))("%s", (_name, requirement) => {
    expect(requirement.count).toBeGreaterThan(0);
  });
});

test("the examples cover every operation and webhook body and the schemas' own examples", () => {
  // Not a count of the spec's contents (that changes), but a floor that a collector which
  // lost a whole category (requests, responses, parameters, schema-level examples) falls under.
  const kinds = {
    request: cases.filter((c) => c.name.includes("› request body")).length,
    response: cases.filter((c) => c.name.includes("› response ")).length,
    parameter: cases.filter((c) => c.name.includes("› parameter ")).length,
    schema: cases.filter((c) => c.name.startsWith("schema #")).length,
  };
  console.log(
    `examples: ${cases.length} checked (${kinds.request} request, ${kinds.response} response, ` +
      `${kinds.parameter} parameter, ${kinds.schema} schema-level); ${requirements.length} places that need one`,
  );
  expect(kinds.request).toBeGreaterThanOrEqual(14);
  expect(kinds.response).toBeGreaterThanOrEqual(14);
  expect(kinds.parameter).toBeGreaterThanOrEqual(4);
  expect(kinds.schema).toBeGreaterThanOrEqual(50);
});
