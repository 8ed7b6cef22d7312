/** Spectral's `spectral:oas` ruleset (recommended severities) over spec/openapi.yaml. */
import { readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import spectralCore from "@stoplight/spectral-core";
import Parsers from "@stoplight/spectral-parsers";
import { oas } from "@stoplight/spectral-rulesets";
import { KEPT_UNREFERENCED } from "./kept.js";

// Both packages are CommonJS; under NodeNext their exports hang off the default import.
const { Document, Ruleset, Spectral } = spectralCore;

export interface SpectralProblem {
  /** `error`, `warning`, `info` or `hint`. */
  severity: string;
  code: string;
  /** Dotted path in the document: `components.schemas.MapModel`. */
  path: string;
  message: string;
}

const SEVERITIES = ["error", "warning", "info", "hint"];

/**
 * Lints an OpenAPI document with `spectral:oas`. The one change to the ruleset turns
 * `oas3-unused-component` off for the schemas kept on purpose (KEPT_UNREFERENCED, each with
 * its reason), through Spectral's own `overrides`, so any other unused component still warns.
 */
export async function runSpectral(
  specFile: string,
  kept: readonly string[] = Object.keys(KEPT_UNREFERENCED),
): Promise<SpectralProblem[]> {
  const file = basename(specFile);
  const ruleset = new Ruleset(
    {
      extends: [[oas, "recommended"]],
      ...(kept.length === 0
        ? {}
        : {
            overrides: [
              {
                files: kept.map((name) => `${file}#/components/schemas/${name}`),
                rules: { "oas3-unused-component": "off" as const },
              },
            ],
          }),
    },
    // `overrides` paths are relative to the ruleset's source: put it beside the spec.
    { source: join(dirname(specFile), ".spectral.json") },
  );
  const spectral = new Spectral();
  spectral.setRuleset(ruleset);
  const document = new Document(readFileSync(specFile, "utf8"), Parsers.Yaml, specFile);
  const results = await spectral.run(document);
  return results.map((r) => ({
    severity: SEVERITIES[r.severity] ?? String(r.severity),
    code: String(r.code),
    path: r.path.join("."),
    message: r.message,
  }));
}
