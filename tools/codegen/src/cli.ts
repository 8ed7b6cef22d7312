import { watch } from "node:fs";
import { basename, dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { checkFiles, writeFiles } from "./files.js";
import { endFormattingRun, rememberFormatting, warmFormatter } from "./format.js";
import type { LoadedSpec } from "./spec.js";
import { targetPackages, targets } from "./targets/index.js";
import { validatorsThread } from "./validators.js";
import { documentThread } from "./document.js";

const USAGE = `Usage: xms-codegen <target> [--check]
       xms-codegen all [--check | --watch]

Generates the files of <target> under the current directory (a package of the repo) from
<repo root>/spec/openapi.yaml. \`all\` reads the spec once and generates every target into its
package (${Object.entries(targetPackages)
  .map(([target, dir]) => `${target}: ${dir}`)
  .join(", ")}), from anywhere in the repository.

  --check      write nothing; print a diff of each stale or missing file, exit 1 if any
  --watch      (all) generate, then again at every save of the spec, until interrupted
  -h, --help   print this help

Targets: ${Object.keys(targets).join(", ")}
`;

/** Where a CLI writes, and the directory it runs in: the one convention of the repo's CLIs. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  cwd: string;
  /** Ends `--watch` when aborted (the bin aborts on SIGINT and SIGTERM). */
  signal?: AbortSignal | undefined;
}

interface Job {
  name: string;
  /** The directory its files are relative to. */
  dir: string;
}

/** Generates (or, with `check`, compares) each job's files; resolves to the exit code. */
async function run(jobs: Job[], spec: LoadedSpec, check: boolean, io: CliIo): Promise<number> {
  const results = await Promise.all(
    jobs.map(async ({ name, dir }) => {
      const files = await targets[name]!(spec);
      return check
        ? { name, files, stale: await checkFiles(files, dir), written: [] }
        : { name, files, stale: [], written: await writeFiles(files, dir) };
    }),
  );
  let code = 0;
  for (const { name, files, stale, written } of results) {
    if (!check) {
      io.out(
        `xms-codegen ${name}: ${files.length} file(s), ${written.length} written${
          written.length ? `: ${written.join(", ")}` : ""
        }\n`,
      );
      continue;
    }
    for (const file of stale) io.err(file.diff);
    if (stale.length === 0) {
      io.out(`xms-codegen ${name}: ${files.length} file(s) up to date\n`);
      continue;
    }
    io.err(
      `xms-codegen ${name}: ${stale.length} generated file(s) out of date: ${stale
        .map((f) => f.path + (f.missing ? " (missing)" : ""))
        .join(", ")}. Run \`pnpm generate\`.\n`,
    );
    code = 1;
  }
  return code;
}

/** Generates again at each change of the spec file until `io.signal` aborts. */
async function watchSpec(jobs: Job[], first: LoadedSpec, io: CliIo): Promise<number> {
  endFormattingRun();
  let pending: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  const { loadRepoSpec } = await import("./spec.js");
  const regenerate = (): void => {
    running = running.then(async () => {
      const started = performance.now();
      try {
        await run(jobs, loadRepoSpec(first.repoRoot), false, io);
        endFormattingRun();
        io.out(`xms-codegen: regenerated in ${Math.round(performance.now() - started)} ms\n`);
      } catch (error) {
        // A half-saved or invalid spec: say why, keep watching.
        io.err(`xms-codegen: ${(error as Error).message}\n`);
      }
    });
  };
  // Editors save in several writes (wait for the burst to end), or by writing another file and
  // renaming it over the spec: a watch of the file itself would follow the old, deleted inode and
  // never fire again, so the directory is watched.
  const watcher = watch(dirname(first.specPath), (_event, filename) => {
    if (filename !== null && filename !== basename(first.specPath)) return;
    clearTimeout(pending);
    pending = setTimeout(regenerate, 10);
  });
  io.out(`xms-codegen: watching ${first.specPath}\n`);
  await new Promise((resolve) => {
    if (io.signal?.aborted) resolve(undefined);
    io.signal?.addEventListener("abort", resolve, { once: true });
  });
  watcher.close();
  clearTimeout(pending);
  await running;
  return 0;
}

/** Runs the CLI; resolves to the exit code (0 done, 1 stale files, 2 bad arguments). */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let values: {
    check?: boolean | undefined;
    watch?: boolean | undefined;
    help?: boolean | undefined;
  };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        check: { type: "boolean" },
        watch: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
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
  if (
    name === undefined ||
    extra.length > 0 ||
    (values.watch && (name !== "all" || values.check))
  ) {
    io.err(USAGE);
    return 2;
  }
  if (name !== "all" && !targets[name]) {
    io.err(`xms-codegen: unknown target ${JSON.stringify(name)}\n\n${USAGE}`);
    return 2;
  }
  // Prettier, openapi-typescript (types) and ajv (webhooks) load on their threads while this one
  // loads the spec model (imported only now, for that) and reads the spec.
  warmFormatter();
  if (name === "all" || name === "types") documentThread.start();
  if (name === "all" || name === "webhooks") validatorsThread.start();
  if (values.watch) rememberFormatting();
  const { loadRepoSpec } = await import("./spec.js");
  const spec = loadRepoSpec(io.cwd);
  const jobs =
    name === "all"
      ? Object.entries(targetPackages).map(([target, dir]) => ({
          name: target,
          dir: join(spec.repoRoot, dir),
        }))
      : [{ name, dir: io.cwd }];
  const code = await run(jobs, spec, values.check === true, io);
  return values.watch ? watchSpec(jobs, spec, io) : code;
}
