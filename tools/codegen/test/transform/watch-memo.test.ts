import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { renderDocument } from "../../src/document.js";
import { findRepoRoot, loadSpec, type OpenAPIDocument } from "../../src/spec.js";
import { printValidators } from "../../src/print-validators.js";

// Under --watch, each thread keeps its last output by the input it was made from: a save that
// leaves that input as it was is answered without the work.
const repoRoot = findRepoRoot(import.meta.dirname);
const fixture = () =>
  loadSpec(join(import.meta.dirname, "..", "fixtures", "mini-xms.yaml"), repoRoot).spec;
const validated = {
  notification: "InBoundWrapper",
  contactInfoRequest: "InBoundContact",
  contactInfoResponse: "ContactInfoUpdate",
};
const schemas = (spec: OpenAPIDocument) =>
  spec.components!.schemas as Record<
    string,
    { description?: string; properties?: Record<string, { type?: string; description?: string }> }
  >;

describe("the validators thread's memo", () => {
  test("a description edited: the same module, not compiled again", async () => {
    const spec = fixture();
    const first = printValidators({ spec, validated });
    const edited = structuredClone(spec);
    schemas(edited)["InBoundWrapper"]!.description = "Edited while watching.";
    expect(printValidators({ spec: edited, validated })).toBe(first);
    expect(await first).toContain("notificationLenient");
  });

  test("a validation keyword edited: compiled again", async () => {
    const spec = fixture();
    const first = printValidators({ spec, validated });
    const edited = structuredClone(spec);
    const wrapper = schemas(edited)["InBoundWrapper"]!;
    wrapper.properties = { ...wrapper.properties, addedWhileWatching: { type: "string" } };
    const second = printValidators({ spec: edited, validated });
    expect(second).not.toBe(first);
    expect(await second).toContain("addedWhileWatching");
  });
});

describe("the document thread's memo", () => {
  test("the same spec: the same rendering; a description edited: rendered again", async () => {
    const spec = fixture();
    const first = renderDocument(spec);
    expect(renderDocument(structuredClone(spec))).toBe(first);
    const edited = structuredClone(spec);
    schemas(edited)["InBoundWrapper"]!.description = "Edited while watching.";
    const second = renderDocument(edited);
    expect(second).not.toBe(first);
    expect(await second).toContain("Edited while watching.");
  });
});
