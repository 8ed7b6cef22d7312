import { checkFiles, writeFiles } from "./files.js";
import { loadRepoSpec } from "./spec.js";
import { targets } from "./targets/index.js";

const USAGE = `Usage: xms-codegen <target> [--check]

Generates the files of <target> under the current directory (a package of the repo) from
<repo root>/spec/openapi.yaml. With --check, writes nothing, prints a diff of each stale or
missing file and exits 1 if there is any.

Targets: ${Object.keys(targets).join(", ")}
`;

interface Output {
  out: (text: string) => void;
  err: (text: string) => void;
}

const stdio: Output = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** Runs the CLI; resolves to the exit code. */
export async function main(argv: string[], cwd: string, io: Output = stdio): Promise<number> {
  const check = argv.includes("--check");
  const rest = argv.filter((arg) => arg !== "--check");
  const [name, ...extra] = rest;
  if (name === undefined || name === "--help" || name === "-h" || extra.length > 0) {
    (name === "--help" || name === "-h" ? io.out : io.err)(USAGE);
    return name === "--help" || name === "-h" ? 0 : 2;
  }
  const target = targets[name];
  if (!target) {
    io.err(`xms-codegen: unknown target ${JSON.stringify(name)}\n\n${USAGE}`);
    return 2;
  }
  const files = await target(loadRepoSpec(cwd));
  if (check) {
    const stale = await checkFiles(files, cwd);
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
  const written = await writeFiles(files, cwd);
  io.out(
    `xms-codegen ${name}: ${files.length} file(s), ${written.length} written${
      written.length ? `: ${written.join(", ")}` : ""
    }\n`,
  );
  return 0;
}
