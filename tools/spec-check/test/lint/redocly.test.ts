import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { runRedoclyLint } from "../../src/redocly.js";
import { loadSpec, redoclyConfigPath, specPath } from "../../src/spec.js";

const scratch = mkdtempSync(join(tmpdir(), "spec-check-lint-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("redocly lint (recommended-strict, redocly.yaml)", () => {
  test("spec/openapi.yaml has 0 errors and 0 warnings", () => {
    const result = runRedoclyLint(specPath, redoclyConfigPath);
    console.log(`redocly lint: ${result.errors} errors, ${result.warnings} warnings`);
    expect(
      result.problems.map((p) => `${p.severity} ${p.ruleId} at ${p.location}: ${p.message}`),
    ).toEqual([]);
    expect(result.errors).toBe(0);
    expect(result.warnings).toBe(0);
    expect(result.exitCode).toBe(0);
  });

  test("the same configuration fails a spec whose example breaks its schema", () => {
    // Proves the configuration is read and enforced: a lint that passes anything would
    // pass the test above too.
    const spec = loadSpec();
    const schemas = spec.components as { schemas: Record<string, unknown> };
    schemas.schemas.SpecCheckBroken = { type: "string", examples: [42] };
    // JSON is YAML: Redocly reads it, and no YAML writer is needed here.
    const brokenPath = join(scratch, "openapi.yaml");
    writeFileSync(brokenPath, JSON.stringify(spec, null, 2));
    const result = runRedoclyLint(brokenPath, redoclyConfigPath);
    expect(result.exitCode).not.toBe(0);
    expect(result.errors).toBeGreaterThan(0);
    expect(result.problems.map((p) => p.ruleId)).toContain("no-invalid-schema-examples");
  });
});
