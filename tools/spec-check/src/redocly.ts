/** Runs Redocly CLI's `lint` on a spec and reads its JSON report. */
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { arrayAt, isObject, objectAt, stringAt } from "./json.js";

const require = createRequire(import.meta.url);
/** The CLI's entry point, from the pinned @redocly/cli devDependency. */
const cliPath = join(dirname(require.resolve("@redocly/cli/package.json")), "bin", "cli.js");

export interface LintProblem {
  ruleId: string;
  severity: string;
  message: string;
  location: string;
}

export interface LintResult {
  exitCode: number | null;
  errors: number;
  warnings: number;
  problems: LintProblem[];
  /** What the CLI wrote to stderr (its human-readable summary). */
  stderr: string;
}

export function runRedoclyLint(specFile: string, configFile: string): LintResult {
  const result = spawnSync(
    process.execPath,
    [cliPath, "lint", specFile, "--config", configFile, "--format=json"],
    {
      encoding: "utf8",
      // Never phone home: no telemetry, no update check (CI reaches only the package registry).
      env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
    },
  );
  if (result.error !== undefined) throw result.error;
  let report: unknown;
  try {
    report = JSON.parse(result.stdout);
  } catch {
    throw new Error(
      `spec-check: redocly lint printed no JSON report (exit ${String(result.status)}):\n${result.stdout}\n${result.stderr}`,
    );
  }
  const totals = objectAt(report, "totals");
  const problems = (arrayAt(report, "problems") ?? [])
    .filter(isObject)
    .map((problem): LintProblem => ({
      ruleId: stringAt(problem, "ruleId") ?? "?",
      severity: stringAt(problem, "severity") ?? "?",
      message: stringAt(problem, "message") ?? "",
      location: (arrayAt(problem, "location") ?? [])
        .map((l) => stringAt(l, "pointer") ?? "")
        .join(", "),
    }));
  return {
    exitCode: result.status,
    errors: typeof totals?.errors === "number" ? totals.errors : Number.NaN,
    warnings: typeof totals?.warnings === "number" ? totals.warnings : Number.NaN,
    problems,
    stderr: result.stderr,
  };
}
