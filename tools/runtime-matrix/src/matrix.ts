import type { MockServer } from "@mehery/xms-mock-server";
import { runBrowserSmoke } from "./browser.js";
import { processRuntimes, reportedVersion, type ProcessRuntime } from "./runtimes.js";
import { runProcessSmoke, type Row } from "./smoke.js";

export interface PreparedRuntime {
  runtime: ProcessRuntime;
  binary: string;
  /** The version the binary reports. */
  version: string;
}

/** Installs every runtime that is not installed yet (in parallel) and reads its version. */
export function prepareRuntimes(): Promise<PreparedRuntime[]> {
  return Promise.all(
    processRuntimes.map(async (runtime) => {
      const binary = await runtime.binary();
      return { runtime, binary, version: await reportedVersion(binary) };
    }),
  );
}

/** Runs the whole matrix, one smoke run at a time (each checks the mock's log of its own requests). */
export async function runMatrix(mock: MockServer): Promise<Row[]> {
  const rows: Row[] = [];
  for (const { runtime, binary, version } of await prepareRuntimes()) {
    for (const format of runtime.formats)
      rows.push(await runProcessSmoke(runtime, binary, version, format, mock));
  }
  rows.push(await runBrowserSmoke(mock));
  return rows;
}

/** The matrix as a Markdown table. */
export function formatTable(rows: readonly Row[]): string {
  const header = ["runtime", "version", "format", "checks", "result", "time"];
  const lines = rows.map((row) => [
    row.runtime,
    row.version,
    row.format,
    row.parts.join(" + "),
    row.ok ? "pass" : "FAIL",
    `${(row.ms / 1000).toFixed(2)} s`,
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => line[column]!.length)),
  );
  const format = (cells: readonly string[]) =>
    `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(" | ")} |`;
  const failures = rows
    .filter((row) => !row.ok)
    .map((row) => `\n${row.runtime} ${row.format}:\n  ${row.problems.join("\n  ")}`);
  return (
    [format(header), format(widths.map((width) => "-".repeat(width))), ...lines.map(format)].join(
      "\n",
    ) + failures.join("")
  );
}
