import { parseArgs } from "node:util";
import { checkFiles, writeFiles } from "./files.js";
import { loadRepoSpec } from "./spec.js";
import { targets } from "./targets/index.js";

const USAGE = `Usage: xms-codegen <target> [--check]

Generates the files of <target> under the current directory (a package of the repo) from
<repo root>/spec/openapi.yaml. With --check, writes nothing, prints a diff of each stale or
missing file and exits 1 if there is any.

  --check      compare only; exit 1 when a file is stale or missing
  -h, --help   print this help

Targets: ${Object.keys(targets).join(", ")}
`;

/** Where a CLI writes, and the directory it runs in: the one convention of the repo's CLIs. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  cwd: string;
}

/** Runs the CLI; resolves to the exit code (0 done, 1 stale files, 2 bad arguments). */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let values: { check?: boolean | undefined; help?: boolean | undefined };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { check: { type: "boolean" }, help: { type: "boolean", short: "h" } },
    }));
  } catch (error) {
    io.err(`xms-codegen: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  const [name, ...extra] = positionals;
  if (name === undefined || extra.length > 0) {
    io.err(USAGE);
    return 2;
  }
  const target = targets[name];
  if (!target) {
    io.err(`xms-codegen: unknown target ${JSON.stringify(name)}\n\n${USAGE}`);
    return 2;
  }
  const files = await target(loadRepoSpec(io.cwd));
  if (values.check) {
    const stale = await checkFiles(files, io.cwd);
    for (const file of stale) io.err(file.diff);
    if (stale.length > 0) {
      io.err(
        `xms-codegen ${name}: ${stale.length} generated file(s) out of date: ${stale
          .map((f) => f.path + (f.missing ? " (missing)" : ""))
          .join(", ")}. Run \`pnpm generate\`.\n`,
      );
      return 1;
    }
    io.out(`xms-codegen ${name}: ${files.length} file(s) up to date\n`);
    return 0;
  }
  const written = await writeFiles(files, io.cwd);
  io.out(
    `xms-codegen ${name}: ${files.length} file(s), ${written.length} written${
      written.length ? `: ${written.join(", ")}` : ""
    }\n`,
  );
  return 0;
}
