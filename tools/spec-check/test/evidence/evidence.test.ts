import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import {
  enumeratedValues,
  evidencedValues,
  markerProblems,
  publishedStatuses,
  unmarkedStatuses,
} from "../../src/evidence.js";
import type { JsonObject } from "../../src/json.js";
import { parseReference } from "../../src/reference.js";
import { loadSpec, parseSpec, repoRoot } from "../../src/spec.js";

const referenceText = readFileSync(
  fileURLToPath(new URL("../fixtures/published-reference.txt", import.meta.url)),
  "utf8",
);
const evidence = evidencedValues(referenceText, parseReference(referenceText));
const statuses = publishedStatuses(referenceText);
const spec = loadSpec();

/** A minimal spec with one schema and one operation, to show each check can fail. */
function miniSpec(schema: JsonObject, responses: JsonObject = { "200": { description: "OK" } }) {
  return parseSpec(
    JSON.stringify({
      openapi: "3.1.0",
      info: { title: "t", version: "1" },
      paths: { "/a": { get: { responses } } },
      components: { schemas: { S: schema } },
    }),
  );
}

describe("the evidence the reference gives", () => {
  test("holds its enumerated values and its example strings, not guesses", () => {
    expect(evidence.has("FAILD")).toBe(true); // an enumerated value
    expect(evidence.has("SESSION_ROUTED")).toBe(true); // an example value
    expect(evidence.has("message")).toBe(true); // InBoundWrapper.type's example
    expect(evidence.has("SESSION_CLOSED")).toBe(false);
  });

  test("lists the statuses 200, 201, 401, 403, 404 and no others", () => {
    expect([...statuses].sort()).toEqual(["200", "201", "401", "403", "404"]);
  });
});

describe("spec/openapi.yaml follows the evidence rule", () => {
  test("every string of an enum or const appears in the reference", () => {
    const unevidenced = enumeratedValues(spec).filter((e) => !evidence.has(e.value));
    expect(unevidenced.map((e) => `${e.pointer}: ${e.value}`)).toEqual([]);
  });

  test("every x-inferred marker has its reason, and no inferred value is enumerated", () => {
    expect(markerProblems(spec)).toEqual([]);
  });

  test("every response status the reference does not list is marked x-inferred", () => {
    expect(unmarkedStatuses(spec, statuses)).toEqual([]);
  });

  test("the event codes guessed without evidence are kept in x-inferred-values", () => {
    const schemas = (spec.components as { schemas: Record<string, JsonObject> }).schemas;
    expect(Object.keys(schemas.InBoundEventCode?.["x-inferred-values"] ?? {}).sort()).toEqual([
      "SESSION_ASSIGNED",
      "SESSION_CLOSED",
      "SESSION_RESOLVED",
    ]);
  });

  test("the generated webhook event names are all evidenced", () => {
    const events = readFileSync(
      join(repoRoot, "packages/webhook-types/src/generated/events.ts"),
      "utf8",
    );
    const names = [...events.matchAll(/"(?:event|status|message)\.([A-Za-z_]+)"/g)].map(
      (m) => m[1] ?? "",
    );
    expect(names).toContain("SESSION_ROUTED");
    // `message.unlisted` and `status.unlisted` are the dispatcher's events for values the spec
    // does not list: they claim no value of the platform (see the next test).
    const claimed = names.filter((name) => name !== "unlisted");
    expect(claimed.filter((name) => !evidence.has(name))).toEqual([]);
  });

  test("the dispatcher's `<kind>.unlisted` events can not collide with a value the platform sends", () => {
    const events = readFileSync(
      join(repoRoot, "packages/webhook-types/src/generated/events.ts"),
      "utf8",
    );
    expect(events).toContain('"message.unlisted"');
    expect(events).toContain('"status.unlisted"');
    expect(evidence.has("unlisted")).toBe(false);
    expect(referenceText).not.toMatch(/\bunlisted\b/i);
  });
});

describe("the checks catch what breaks the rule", () => {
  test("an enum value the reference never shows", () => {
    const bad = miniSpec({ type: "string", enum: ["SESSION_ROUTED", "SESSION_CLOSED"] });
    expect(enumeratedValues(bad).filter((e) => !evidence.has(e.value))).toEqual([
      { value: "SESSION_CLOSED", pointer: "/components/schemas/S/enum/1" },
    ]);
  });

  test("x-inferred without a reason, and an inferred value that is also enumerated", () => {
    const bad = miniSpec({
      type: "string",
      "x-inferred": true,
      anyOf: [{ enum: ["SESSION_ROUTED"] }, { type: "string" }],
      "x-inferred-values": { SESSION_ROUTED: "a guess" },
    });
    expect(markerProblems(bad)).toEqual([
      "/components/schemas/S: x-inferred without an x-inferred-reason",
      "/components/schemas/S: inferred value SESSION_ROUTED is also in an enum or const",
    ]);
  });

  test("a 429 the reference does not list, unmarked", () => {
    const bad = miniSpec({ type: "string" }, { "429": { description: "Slow down" } });
    expect(unmarkedStatuses(bad, statuses)).toEqual([
      "GET /a 429: not in the reference and not marked x-inferred",
    ]);
  });
});
