import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { arrayAt, deref, isObject, objectAt, stringAt, type JsonObject } from "../../src/json.js";
import { KEPT_UNREFERENCED } from "../../src/kept.js";
import { parseReference } from "../../src/reference.js";
import { listOperations, loadSpec } from "../../src/spec.js";

const spec = loadSpec();
const reference = parseReference(
  readFileSync(
    fileURLToPath(new URL("../fixtures/published-reference.txt", import.meta.url)),
    "utf8",
  ),
);
const operations = listOperations(spec);
const pathOperations = operations.filter((op) => op.kind === "path");
const webhooks = operations.filter((op) => op.kind === "webhook");
const byLabel = <T extends { label: string }>(items: T[]) =>
  items.map((op) => [op.label, op] as const);

describe("operation ids", () => {
  test.each(byLabel(operations))("%s has a camelCase operationId", (_label, op) => {
    expect(stringAt(op.operation, "operationId")).toMatch(/^[a-z][a-zA-Z0-9]*$/);
  });

  test("operationIds are unique across paths and webhooks", () => {
    const ids = operations.map((op) => stringAt(op.operation, "operationId"));
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });
});

describe("tags", () => {
  test("the reference publishes six operation groups", () => {
    expect(reference.groups).toHaveLength(6);
  });

  test("the spec's tags are the six published groups", () => {
    const tags = (arrayAt(spec, "tags") ?? []).map((tag) => stringAt(tag, "name"));
    expect([...tags].sort()).toEqual([...reference.groups].sort());
  });

  test.each(byLabel(operations))("%s is tagged with a published group", (_label, op) => {
    const tags = arrayAt(op.operation, "tags") ?? [];
    expect(tags.length).toBeGreaterThan(0);
    for (const tag of tags) expect(reference.groups).toContain(tag);
  });

  test.each(byLabel(pathOperations))(
    "%s keeps the group the reference lists it under",
    (_label, op) => {
      const published = reference.operations.find(
        (p) => p.method === op.method && p.path === op.name,
      );
      expect(published, "published operation").toBeDefined();
      expect(arrayAt(op.operation, "tags")).toEqual([published?.group]);
    },
  );
});

/** The header name of an `apiKey` header security scheme, else undefined. */
function headerOfScheme(name: string): string | undefined {
  const scheme = objectAt(objectAt(objectAt(spec, "components"), "securitySchemes"), name);
  if (stringAt(scheme, "type") !== "apiKey" || stringAt(scheme, "in") !== "header")
    return undefined;
  return stringAt(scheme, "name")?.toLowerCase();
}

describe("security", () => {
  /** The header names of each alternative of an operation's security requirement. */
  const alternativesOf = (op: (typeof pathOperations)[number]) =>
    (arrayAt(op.operation, "security") ?? arrayAt(spec, "security") ?? []).map((requirement) =>
      Object.keys(isObject(requirement) ? requirement : {})
        .map(headerOfScheme)
        .sort(),
    );

  test.each(byLabel(pathOperations))(
    "%s is satisfied by x-api-key alone (reference line 7)",
    (_label, op) => {
      expect(alternativesOf(op)).toContainEqual(["x-api-key"]);
    },
  );

  test.each(byLabel(pathOperations))(
    "%s asks for x-api-key in every alternative and accepts x-api-id with it",
    (_label, op) => {
      const alternatives = alternativesOf(op);
      for (const headers of alternatives) expect(headers).toContain("x-api-key");
      expect(alternatives).toContainEqual(["x-api-id", "x-api-key"]);
    },
  );

  test.each(byLabel(webhooks))("%s requires the x-verify-token header", (_label, op) => {
    const parameters = [
      ...(arrayAt(op.pathItem, "parameters") ?? []),
      ...(arrayAt(op.operation, "parameters") ?? []),
    ].map((p) => deref(spec, p, "").node);
    const token = parameters.find(
      (p) =>
        stringAt(p, "in") === "header" && stringAt(p, "name")?.toLowerCase() === "x-verify-token",
    );
    expect(token, "x-verify-token header parameter").toBeDefined();
    expect(isObject(token) && token.required).toBe(true);
  });
});

function collectRefs(node: unknown, refs: Set<string>): Set<string> {
  if (Array.isArray(node)) {
    for (const child of node) collectRefs(child, refs);
  } else if (isObject(node)) {
    for (const [key, child] of Object.entries(node)) {
      if (key === "$ref" && typeof child === "string") refs.add(child);
      else collectRefs(child, refs);
    }
  }
  return refs;
}

test("the only unreferenced schemas are the five kept on purpose", () => {
  // Stands in for Redocly's no-unused-components, which redocly.yaml turns off for them.
  const prefix = "#/components/schemas/";
  const referenced = new Set(
    [...collectRefs(spec, new Set())]
      .filter((ref) => ref.startsWith(prefix))
      .map((ref) => ref.slice(prefix.length).split("/")[0]),
  );
  const schemas: JsonObject = objectAt(objectAt(spec, "components"), "schemas") ?? {};
  const unreferenced = Object.keys(schemas).filter((name) => !referenced.has(name));
  expect(unreferenced.sort()).toEqual(Object.keys(KEPT_UNREFERENCED).sort());
});
