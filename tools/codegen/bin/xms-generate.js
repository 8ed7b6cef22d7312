#!/usr/bin/env node
// `pnpm generate [--force | --check | --watch]`: the root script. A committed JavaScript file, not
// built, because it is what makes sure the generator (dist/) is built.
//
// - `pnpm generate`          turbo run codegen: a cache hit when the spec and the generator are
//                            unchanged, else `xms-codegen all` and the outputs stored in the cache.
// - `pnpm generate --force`  regenerate every file, whatever the cache holds;
// - `pnpm generate --check`  write nothing, print a diff of each stale file, exit 1 if any;
// - `pnpm generate --watch`  generate, then again at every save of the spec.
//
// The last three run the generator in this process, after a turbo build of it (a cache hit unless
// the generator changed): through turbo's `//#codegen` task they would pay a second pnpm start-up
// (turbo runs a root task as `pnpm run codegen`), about 0.7 s, and --check and --watch must not
// be answered from a cache anyway.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const codegenDir = join(dirname(fileURLToPath(import.meta.url)), "..");

export const USAGE = `Usage: pnpm generate [--force | --check | --watch]

Generates every package's src/generated/ files (and packages/types/openapi.json) from
spec/openapi.yaml, in one process.

  (no flag)    through turbo: a cache hit when neither the spec nor the generator changed
  --force      generate every file again, whatever the cache holds
  --check      write nothing; print a diff of each stale or missing file, exit 1 if any
  --watch      generate, then again at every save of the spec, until interrupted
  -h, --help   print this help
`;

/**
 * turbo's own platform binary: its `turbo` bin is a Node script that looks the binary up and
 * spawns it, which costs a Node start-up. Falls back to that script.
 * @returns {[string, string[]]} command and leading arguments
 */
export function turboCommand() {
  const require = createRequire(join(codegenDir, "..", "..", "package.json"));
  const turboDir = dirname(require.resolve("turbo/package.json"));
  const os = process.platform === "win32" ? "windows" : process.platform;
  const arch = process.arch === "x64" ? "64" : process.arch;
  const ext = os === "windows" ? ".exe" : "";
  try {
    const binary = createRequire(join(turboDir, "package.json")).resolve(
      `@turbo/${os}-${arch}/bin/turbo${ext}`,
    );
    return [binary, []];
  } catch {
    return [process.execPath, [join(turboDir, "bin", "turbo")]];
  }
}

/**
 * What `pnpm generate <argv>` does: a turbo run, then (for --force, --check, --watch) the
 * arguments of `xms-codegen` to run in this process.
 * @param {readonly string[]} argv
 * @returns {{ help: true } | { error: string } | { turbo: string[], codegen?: string[] }}
 */
export function plan(argv) {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        force: { type: "boolean" },
        check: { type: "boolean" },
        watch: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    return { error: /** @type {Error} */ (error).message };
  }
  if (values.help) return { help: true };
  const modes = ["force", "check", "watch"].filter(
    (mode) => values[/** @type {"force" | "check" | "watch"} */ (mode)],
  );
  if (modes.length > 1) {
    return { error: `--${modes.join(" and --")} cannot be combined` };
  }
  const quiet = ["--output-logs=errors-only", "--log-prefix=none"];
  if (modes.length === 0) return { turbo: ["run", "codegen", "--log-prefix=none"] };
  return {
    // The generator's own build (and the spec model's): a cache hit unless its source changed.
    turbo: ["run", "build", "--filter=@mehery/xms-codegen", ...quiet],
    codegen: ["all", ...(modes[0] === "force" ? [] : [`--${modes[0]}`])],
  };
}

/**
 * Runs `pnpm generate <argv>`; resolves to the exit code (2 for bad arguments).
 * @param {readonly string[]} argv
 * @param {import("../src/cli.js").CliIo} io
 * @returns {Promise<number>}
 */
export async function main(argv, io) {
  const steps = plan(argv);
  if ("help" in steps) {
    io.out(USAGE);
    return 0;
  }
  if ("error" in steps) {
    io.err(`pnpm generate: ${steps.error}\n\n${USAGE}`);
    return 2;
  }
  const [command, leading] = turboCommand();
  // Before running the generator, turbo's summary of its build is noise: shown only on failure.
  const turbo = spawnSync(command, [...leading, ...steps.turbo], {
    cwd: io.cwd,
    stdio: steps.codegen ? ["ignore", "pipe", "pipe"] : "inherit",
    encoding: "utf8",
    env: { TURBO_TELEMETRY_DISABLED: "1", ...process.env },
  });
  if (turbo.error) throw turbo.error;
  if (turbo.status !== 0 && steps.codegen) io.err(`${turbo.stdout}${turbo.stderr}`);
  if (turbo.status !== 0 || !steps.codegen) return turbo.status ?? 1;
  const { main: codegen } = await import("../dist/cli.js");
  return codegen(steps.codegen, io);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const stop = new AbortController();
  for (const signal of ["SIGINT", "SIGTERM"]) process.once(signal, () => stop.abort());
  process.exitCode = await main(process.argv.slice(2), {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    signal: stop.signal,
  });
}
