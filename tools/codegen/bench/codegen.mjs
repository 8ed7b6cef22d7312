// pnpm bench:codegen — what generating costs, and what the generated types cost their users.
// Prints figures and ratios; asserts nothing (timings vary by machine).
//
// 1. `pnpm exec turbo run codegen --force` (cold: the generator's build, then `xms-codegen all`,
//    one process for every package), then `pnpm generate` (every task a cache hit: what a user
//    runs), medians of RUNS; turbo flags cannot go through `pnpm generate`, whose arguments reach
//    xms-codegen;
//    and `xms-codegen all --watch`: from a save of the spec to every package's files rewritten.
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
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

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

// --- 1. turbo: cold and cache hit -------------------------------------------------------------

function turboSummary(out) {
  const tasks = /Tasks:\s+(.*)/.exec(out)?.[1]?.trim() ?? "?";
  const cached = /Cached:\s+(.*)/.exec(out)?.[1]?.trim() ?? "?";
  const failed = /Failed:\s+(.*)/.exec(out)?.[1]?.trim();
  return `${tasks}; cached ${cached}${failed ? `; FAILED ${failed}` : ""}`;
}

console.log("xms-codegen benchmark\n");
const coldRun = ["exec", "turbo", "run", "codegen", "--force", "--output-logs=none"];
const colds = [];
const warms = [];
for (let i = 0; i < RUNS; i++) {
  colds.push(run("pnpm", coldRun, repoRoot));
  warms.push(run("pnpm", ["generate"], repoRoot));
}
const cold = { ms: median(colds.map((r) => r.ms)), out: colds.at(-1).out };
const warm = { ms: median(warms.map((r) => r.ms)), out: warms.at(-1).out };

/** Saves the spec (one comment line more, then as it was) under `--watch`; ms to "regenerated". */
async function watchLatency(samples) {
  const specPath = join(repoRoot, "spec", "openapi.yaml");
  const original = readFileSync(specPath, "utf8");
  const child = spawn(
    process.execPath,
    [join(codegenDir, "bin", "xms-codegen.js"), "all", "--watch"],
    {
      cwd: repoRoot,
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
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
    for (let i = 0; i < samples; i++) {
      const saved = performance.now();
      writeFileSync(specPath, i % 2 === 0 ? `${original}# watch bench\n` : original);
      await waitFor(/regenerated in \d+ ms\n/);
      times.push(performance.now() - saved);
    }
  } finally {
    writeFileSync(specPath, original);
    await waitFor(/regenerated in \d+ ms\n/);
    child.kill("SIGTERM");
  }
  return median(times);
}
const watchMs = await watchLatency(Math.max(RUNS, 5));

// --- 2. each target alone ---------------------------------------------------------------------

function generatedPackages() {
  return Object.entries(targetPackages).map(([target, dir]) => ({
    dir: join(repoRoot, dir),
    target,
  }));
}

const bin = join(codegenDir, "bin", "xms-codegen.js");
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
    ["generate (what a user runs)", `median of ${RUNS}`, "goal", "turbo summary"],
    [
      "cold: pnpm exec turbo run codegen --force",
      fmtMs(cold.ms),
      "<= 1.5 s",
      turboSummary(cold.out),
    ],
    ["cache hit: pnpm generate", fmtMs(warm.ms), "<= 0.5 s", turboSummary(warm.out)],
    ["xms-codegen all --watch: spec saved -> files rewritten", fmtMs(watchMs), "<= 300 ms", ""],
  ]),
);
console.log("");
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
