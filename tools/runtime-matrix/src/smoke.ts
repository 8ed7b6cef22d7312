import { join } from "node:path";
import type { MockServer } from "@mehery/xms-mock-server";
import { problemsIn, type Part, type SmokeResult } from "./checks.js";
import { runCommand } from "./exec.js";
import { packageRoot } from "./install.js";
import type { Format, ProcessRuntime } from "./runtimes.js";

/** One line of the matrix. */
export interface Row {
  runtime: string;
  version: string;
  format: string;
  parts: readonly Part[];
  ok: boolean;
  ms: number;
  problems: string[];
  result?: SmokeResult;
}

export const smokeEntries: Record<Format, string> = {
  esm: join(packageRoot, "smoke/esm.mjs"),
  cjs: join(packageRoot, "smoke/cjs.cjs"),
};

/**
 * The requests the mock answered for one smoke run, preflights left out: the client's four
 * calls (two resource methods, the same two through the path API) must have reached it and
 * passed its validation against the spec.
 */
export function mockProblems(mock: MockServer, since: number): string[] {
  const seen = mock.requests
    .slice(since)
    .filter((request) => request.method !== "OPTIONS")
    .map((request) => `${request.method} ${request.path} ${request.status}`);
  const want = [
    "GET /api/v1/config/channels 200",
    "POST /api/v1/message/send 200",
    "GET /api/v1/config/channels 200",
    "POST /api/v1/message/send 200",
  ];
  return JSON.stringify(seen) === JSON.stringify(want)
    ? []
    : [`mock: answered ${JSON.stringify(seen)}, not ${JSON.stringify(want)}`];
}

/** Runs one smoke entry under one runtime, from this package's folder (its node_modules). */
export async function runProcessSmoke(
  runtime: ProcessRuntime,
  binary: string,
  version: string,
  format: Format,
  mock: MockServer,
): Promise<Row> {
  const since = mock.requests.length;
  const started = performance.now();
  const { exitCode, stdout, stderr } = await runCommand(
    binary,
    runtime.args(smokeEntries[format], mock.url),
    {
      cwd: packageRoot,
      ...(runtime.env ? { env: runtime.env } : {}),
    },
  );
  const ms = performance.now() - started;
  let result: SmokeResult | undefined;
  const problems: string[] = [];
  if (exitCode !== 0)
    problems.push(`exited with ${String(exitCode)}: ${stderr.trim() || stdout.trim()}`);
  else {
    try {
      result = JSON.parse(stdout) as SmokeResult;
    } catch {
      problems.push(`printed no JSON: ${stdout.trim()} ${stderr.trim()}`);
    }
  }
  if (result !== undefined)
    problems.push(...problemsIn(result, runtime.parts), ...mockProblems(mock, since));
  return {
    runtime: runtime.name,
    version,
    format,
    parts: runtime.parts,
    ok: problems.length === 0,
    ms,
    problems,
    ...(result ? { result } : {}),
  };
}
