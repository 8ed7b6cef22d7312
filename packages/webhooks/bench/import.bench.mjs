// pnpm bench (second part): the import time of each entry point, as a serverless cold start pays
// it: a fresh `node` per sample imports one module and reports how long the import took, and
// the whole process's wall time. Samples of the entry points are interleaved; medians.
// @octokit/webhooks is the peer. Asserts nothing.
import { execFileSync } from "node:child_process";

const SAMPLES = Number(process.env.BENCH_IMPORT_SAMPLES ?? 15);
const cwd = new URL("..", import.meta.url).pathname;
// Imported from the package's own directory: the package's name resolves to its dist/ (self-
// reference through its `exports`), as it would from node_modules.
const entries = {
  "@mehery/xms-webhooks": "@mehery/xms-webhooks",
  "@mehery/xms-webhooks/redis": "@mehery/xms-webhooks/redis",
  "@octokit/webhooks (peer)": "@octokit/webhooks",
  // The loader's own first-import cost, which any entry point pays too.
  "(an empty module)": "data:text/javascript,",
  "(node alone, nothing imported)": null,
};

function sample(specifier) {
  const code =
    specifier === null
      ? "process.stdout.write('0')"
      : `const t = performance.now(); await import(${JSON.stringify(specifier)}); process.stdout.write(String(performance.now() - t))`;
  const start = performance.now();
  const importMs = Number(
    execFileSync(process.execPath, ["--input-type=module", "-e", code], { cwd, encoding: "utf8" }),
  );
  return { importMs, wallMs: performance.now() - start };
}

const samples = Object.fromEntries(Object.keys(entries).map((name) => [name, []]));
for (let i = 0; i < SAMPLES; i++) {
  for (const [name, specifier] of Object.entries(entries)) samples[name].push(sample(specifier));
}
const median = (values) => [...values].sort((x, y) => x - y)[values.length >> 1];
console.log(`Import time (cold start): a fresh node per sample, median of ${SAMPLES}`);
for (const [name, list] of Object.entries(samples)) {
  const importMs = median(list.map((s) => s.importMs));
  const wallMs = median(list.map((s) => s.wallMs));
  console.log(
    `${name.padEnd(34)} import ${importMs.toFixed(1).padStart(6)} ms   process ${wallMs.toFixed(0).padStart(4)} ms`,
  );
}
