import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { KEPT_UNREFERENCED } from "../../src/kept.js";
import { specPath, loadSpec } from "../../src/spec.js";
import { runSpectral } from "../../src/spectral.js";

const scratch = mkdtempSync(join(tmpdir(), "spec-check-spectral-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// About 15 s a run on an idle 2-core machine; minutes when every core is busy.
const SPECTRAL_TIMEOUT = 300_000;

const show = (p: { severity: string; code: string; path: string; message: string }) =>
  `${p.severity} ${p.code} at ${p.path}: ${p.message}`;

describe("Spectral spectral:oas (recommended)", () => {
  test(
    "spec/openapi.yaml has 0 errors and 0 warnings",
    async () => {
      const problems = await runSpectral(specPath);
      console.log(`spectral:oas: ${problems.length} problems`);
      expect(problems.map(show)).toEqual([]);
    },
    SPECTRAL_TIMEOUT,
  );

  test("every schema kept unreferenced has a stated reason", () => {
    for (const [name, reason] of Object.entries(KEPT_UNREFERENCED)) {
      expect(reason.length, name).toBeGreaterThan(20);
    }
  });

  test(
    "the ruleset is enforced: a schema nothing references, and not kept, warns",
    async () => {
      const spec = loadSpec();
      (spec.components as { schemas: Record<string, unknown> }).schemas.SpecCheckOrphan = {
        type: "string",
      };
      // JSON is YAML: Spectral reads it, and no YAML writer is needed here.
      const file = join(scratch, "openapi.yaml");
      writeFileSync(file, JSON.stringify(spec, null, 2));
      const problems = await runSpectral(file);
      expect(problems.map((p) => `${p.severity} ${p.code} ${p.path}`)).toEqual([
        "warning oas3-unused-component components.schemas.SpecCheckOrphan",
      ]);
    },
    SPECTRAL_TIMEOUT,
  );
});
