import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import prettier from "prettier";
import { planBumps, readVersions } from "./bump.js";
import { changesetFileName, renderChangeset } from "./changeset.js";
import { readAtRef, repoRoot } from "./git.js";
import { loadSpec } from "./load.js";
import { renderReport } from "./report.js";
import { diffSpecs } from "./walk/document.js";

const SPEC = "spec/openapi.yaml";

const USAGE = `Usage: xms-spec-diff [base-ref] [--dry-run]

Compares ${SPEC} at <base-ref> (a git ref, default HEAD) with the working tree, prints
every change classified as breaking, feature or fix (why, and where), and writes the changeset
they call for to .changeset/spec-<hash>.md.

  --dry-run    print the changeset instead of writing it
  -h, --help   print this help
`;

/** Where a CLI writes, and the directory it runs in: the one convention of the repo's CLIs. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  cwd: string;
}

async function format(markdown: string, root: string): Promise<string> {
  const config = await prettier.resolveConfig(join(root, ".prettierrc.json"), {
    editorconfig: false,
  });
  return prettier.format(markdown, { ...config, parser: "markdown" });
}

/** Runs the CLI; resolves to the exit code (0 whenever the comparison ran). */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let values: { "dry-run"?: boolean | undefined; help?: boolean | undefined };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { "dry-run": { type: "boolean" }, help: { type: "boolean", short: "h" } },
    }));
  } catch (error) {
    io.err(`xms-spec-diff: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  if (positionals.length > 1) {
    io.err(USAGE);
    return 2;
  }
  const dryRun = values["dry-run"] === true;
  const baseRef = positionals[0] ?? "HEAD";
  try {
    const root = await repoRoot(io.cwd);
    const beforeText = await readAtRef(root, baseRef, SPEC);
    const afterText = await readFile(join(root, SPEC), "utf8");
    const title = `${SPEC}, ${baseRef} → working tree`;
    if (beforeText === afterText) {
      io.out(`${title}: no changes. Nothing written.\n`);
      return 0;
    }
    const before = await loadSpec(beforeText, `${SPEC} at ${baseRef}`);
    const after = await loadSpec(afterText, SPEC);
    const changes = diffSpecs(before, after);
    if (changes.length === 0) {
      io.out(
        `${title}: no changes (the text differs only in layout or comments). Nothing written.\n`,
      );
      return 0;
    }
    const plans = planBumps(changes, await readVersions(root));
    io.out(renderReport(changes, plans, title));
    const changeset = renderChangeset(changes, plans, baseRef);
    if (changeset === undefined) {
      io.out("\nNo package in packages/ is affected: no changeset written.\n");
      return 0;
    }
    const file = join(".changeset", changesetFileName(afterText));
    const text = await format(changeset, root);
    if (dryRun) {
      io.out(`\nChangeset (dry run, not written) ${file}:\n\n${text}`);
      return 0;
    }
    await mkdir(join(root, ".changeset"), { recursive: true });
    await writeFile(join(root, file), text);
    io.out(`\nWrote ${file}.\n`);
    return 0;
  } catch (error) {
    const cause =
      error instanceof Error && error.cause instanceof Error
        ? `\n  ${error.cause.message.trim()}`
        : "";
    io.err(`${error instanceof Error ? error.message : String(error)}${cause}\n`);
    return 1;
  }
}
