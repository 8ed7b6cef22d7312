// pnpm bench:codegen — what generating costs, and what the generated types cost their users.
// Prints figures against the goals of issue 13 item 6; asserts nothing (timings vary by machine).
// Run it when the machine is quiet: it prints the load average before and after.
//
// 1. What a user runs, medians of BENCH_RUNS (default 5):
//    - cold: `pnpm generate --force` (the generator's turbo build, a cache hit, then every target
//      in one process, no cache of generated output);
//    - cache hit: `pnpm generate` (turbo's `//#codegen` task restored from its cache);
//    - `--watch`: from a save of the spec to every package's files rewritten, for a save that
//      edits a schema's description (openapi.ts and openapi.json change) and for one that adds a
//      comment (no output changes);
//    and the floors under them: `pnpm -v` (pnpm's start-up, paid by every `pnpm <script>`),
//    `node -e 0`, and the generator alone (`node bin/xms-codegen.js all`).
//    `pnpm bench:codegen --generate` stops there.
// 2. Each generator target alone, as `xms-codegen <target>` in its package (a node process).
// 3. The type-check cost of bench/consumer/consumer.ts (`tsc --extendedDiagnostics`) against
//    @mehery/xms-types and against plain openapi-typescript output of the same spec with default
//    options.
import { spawn, spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import { readSpec } from "@mehery/xms-spec-model";
import { targetPackages } from "../dist/targets/index.js";

const here = dirname(fileURLToPath(import.meta.url));
const codegenDir = join(here, "..");
const repoRoot = join(codegenDir, "..", "..");
const require = createRequire(import.meta.url);
const tscBin = join(dirname(require.resolve("typescript/package.json")), "bin", "tsc");
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

function run(cmd, args, cwd) {
  const start = performance.now();
  const result = spawnSync(cmd, args, {
    cwd,
    encoding: "utf8",
    env: { ...process.env, FORCE_COLOR: "0" },
  });
  return {
    ms: performance.now() - start,
    status: result.status,
    out: `${result.stdout}${result.stderr}`,
  };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmtMs = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const ratio = (a, b) => (b ? `${(a / b).toFixed(2)}x` : "n/a");

function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  const line = (r) => `| ${r.map((c, i) => String(c).padEnd(widths[i])).join(" | ")} |`;
  return [
    line(rows[0]),
    `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`,
    ...rows.slice(1).map(line),
  ].join("\n");
}

// --- 1. what a user runs, and the floors under it ------------------------------------------------

const loadAverage = () => readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
console.log(`xms-codegen benchmark (load average ${loadAverage()})\n`);
const bin = join(codegenDir, "bin", "xms-codegen.js");

/** Median wall time of RUNS runs of a command; fails loudly if one fails. */
function timed(cmd, args) {
  const runs = Array.from({ length: RUNS }, () => run(cmd, args, repoRoot));
  const failed = runs.find((r) => r.status !== 0);
  if (failed) throw new Error(`${cmd} ${args.join(" ")} failed:\n${failed.out}`);
  return median(runs.map((r) => r.ms));
}

run("pnpm", ["generate"], repoRoot); // stores the current outputs in turbo's cache
const coldMs = timed("pnpm", ["generate", "--force"]);
const hitMs = timed("pnpm", ["generate"]);
const pnpmMs = timed("pnpm", ["-v"]);
const nodeMs = timed(process.execPath, ["-e", "0"]);
const aloneMs = timed(process.execPath, [bin, "all"]);

/**
 * Saves the spec under `xms-codegen all --watch`, alternately edited by `edit` and as it was;
 * the median of the ms from each save to "regenerated".
 */
async function watchLatency(samples, edit) {
  const specPath = join(repoRoot, "spec", "openapi.yaml");
  const original = readFileSync(specPath, "utf8");
  const edited = edit(original);
  if (edited === original) throw new Error("the watch edit changes nothing in the spec");
  const child = spawn(process.execPath, [bin, "all", "--watch"], {
    cwd: repoRoot,
    stdio: ["ignore", "pipe", "inherit"],
  });
  let buffer = "";
  const waitFor = (pattern) =>
    new Promise((resolve) => {
      const check = () => {
        const match = pattern.exec(buffer);
        if (!match) return;
        buffer = buffer.slice(match.index + match[0].length);
        child.stdout.off("data", onData);
        resolve(match);
      };
      const onData = (chunk) => ((buffer += chunk), check());
      child.stdout.on("data", onData);
      check();
    });
  await waitFor(/watching .*\n/);
  const times = [];
  try {
    // One save of each kind first: the first regeneration also compiles the code paths.
    for (let i = 0; i < samples + 2; i++) {
      const saved = performance.now();
      writeFileSync(specPath, i % 2 === 0 ? edited : original);
      await waitFor(/regenerated in \d+ ms\n/);
      if (i >= 2) times.push(performance.now() - saved);
    }
  } finally {
    writeFileSync(specPath, original);
    await waitFor(/regenerated in \d+ ms\n/);
    child.kill("SIGTERM");
  }
  return median(times);
}
const samples = Math.max(RUNS, 5);
const watchEditMs = await watchLatency(samples, (spec) =>
  spec.replace("description: Outcome in plain English.", "description: Outcome, in plain English."),
);
const watchCommentMs = await watchLatency(samples, (spec) => `${spec}# watch bench\n`);

console.log(
  table([
    ["generate (what a user runs)", `median of ${RUNS}`, "goal"],
    ["cold: pnpm generate --force", fmtMs(coldMs), "<= 1.5 s"],
    ["cache hit: pnpm generate", fmtMs(hitMs), "<= 0.5 s"],
    [
      `--watch, a description edited: save -> files rewritten (${samples})`,
      fmtMs(watchEditMs),
      "<= 300 ms",
    ],
    [
      `--watch, a comment added: save -> files rewritten (${samples})`,
      fmtMs(watchCommentMs),
      "<= 300 ms",
    ],
    ["floor: pnpm -v (pnpm start-up)", fmtMs(pnpmMs), ""],
    ["floor: node -e 0", fmtMs(nodeMs), ""],
    ["the generator alone: node bin/xms-codegen.js all", fmtMs(aloneMs), ""],
  ]),
);
console.log(`\nload average after part 1: ${loadAverage()}`);
if (process.argv.includes("--generate")) process.exit(0);
console.log("");

// --- 2. each target alone ---------------------------------------------------------------------

function generatedPackages() {
  return Object.entries(targetPackages).map(([target, dir]) => ({
    dir: join(repoRoot, dir),
    target,
  }));
}

const targets = generatedPackages().map(({ dir, target }) => {
  const times = Array.from({ length: RUNS }, () =>
    run(process.execPath, [bin, target, "--check"], dir),
  );
  return {
    dir: relative(repoRoot, dir),
    target,
    ms: median(times.map((t) => t.ms)),
    ok: times.every((t) => t.status === 0),
  };
});

console.log(
  table([
    [
      "target alone (xms-codegen <target> --check, node process)",
      "median of " + RUNS,
      "up to date",
    ],
    ...targets.map((t) => [`${t.target} (${t.dir})`, fmtMs(t.ms), t.ok ? "yes" : "NO"]),
    ["sum", fmtMs(targets.reduce((n, t) => n + t.ms, 0)), ""],
  ]),
);

// --- 3. type-check cost ----------------------------------------------------------------------

const work = mkdtempSync(join(tmpdir(), "xms-codegen-bench-"));
const spec = readSpec(join(repoRoot, "spec", "openapi.yaml"));
const baselineSource = astToString(await openapiTS(spec, { silent: true }));
const typesDir = join(repoRoot, "packages", "types");

const variants = [
  {
    name: "@mehery/xms-types (src/index.ts)",
    api: `export type { components, operations, paths, webhooks } from ${JSON.stringify(join(typesDir, "src", "index.js"))};\n`,
  },
  existsSync(join(typesDir, "dist", "index.d.ts")) && {
    name: "@mehery/xms-types (dist/index.d.ts)",
    api: `export type { components, operations, paths, webhooks } from ${JSON.stringify(join(typesDir, "dist", "index.js"))};\n`,
  },
  { name: "openapi-typescript defaults", api: baselineSource, baseline: true },
].filter(Boolean);

function diagnostics(dir) {
  const result = run(process.execPath, [tscBin, "-p", dir, "--extendedDiagnostics"], dir);
  if (result.status !== 0) throw new Error(`tsc failed in ${dir}:\n${result.out}`);
  const num = (label) => Number(new RegExp(`${label}:\\s+([\\d.]+)`).exec(result.out)?.[1] ?? NaN);
  return {
    check: num("Check time") * 1000,
    instantiations: num("Instantiations"),
    types: num("Types"),
    total: num("Total time") * 1000,
  };
}

const measured = variants.map((variant, i) => {
  const dir = join(work, String(i));
  mkdirSync(dir);
  writeFileSync(join(dir, "package.json"), '{ "type": "module" }\n');
  writeFileSync(join(dir, "api.ts"), variant.api);
  cpSync(join(here, "consumer", "consumer.ts"), join(dir, "consumer.ts"));
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        target: "ES2022",
        module: "NodeNext",
        moduleResolution: "NodeNext",
        strict: true,
        noUncheckedIndexedAccess: true,
        noEmit: true,
        skipLibCheck: true,
        types: [],
      },
      files: ["consumer.ts"],
    }),
  );
  const runs = Array.from({ length: RUNS }, () => diagnostics(dir));
  return {
    ...variant,
    check: median(runs.map((r) => r.check)),
    total: median(runs.map((r) => r.total)),
    instantiations: runs[0].instantiations,
    types: runs[0].types,
  };
});
rmSync(work, { recursive: true, force: true });

const base = measured.find((m) => m.baseline);
console.log(
  `\nType-check cost of bench/consumer/consumer.ts (tsc --extendedDiagnostics, median of ${RUNS}):\n`,
);
console.log(
  table([
    [
      "types",
      "Check time",
      "Total time",
      "Instantiations",
      "Types",
      "check / baseline",
      "instantiations / baseline",
    ],
    ...measured.map((m) => [
      m.name,
      fmtMs(m.check),
      fmtMs(m.total),
      m.instantiations,
      m.types,
      ratio(m.check, base.check),
      ratio(m.instantiations, base.instantiations),
    ]),
  ]),
);
console.log("\nGoal: instantiations within 1.2x of baseline.");
