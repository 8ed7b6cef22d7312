// Measures how long startMockServer() takes to listen, cold (a fresh Node process: module
// loading, YAML parsing, dereferencing) and warm (a second server in the same process), and
// how long the first and a later request to sendMessage take (its validator is compiled on
// first use). Wall-clock figures grow with the machine's load; the CPU time of the cold start
// does not. Prints figures; asserts nothing. Run after `pnpm build`: `pnpm bench`.
import { execFileSync } from "node:child_process";

const runs = 5;
const child = `
const t0 = performance.now();
const { startMockServer } = await import("./dist/index.js");
const t1 = performance.now();
const mock = await startMockServer();
const t2 = performance.now();
const cpu = process.cpuUsage();
const second = await startMockServer();
const t3 = performance.now();
const send = () => fetch(mock.url + "/api/v1/message/send", {
  method: "POST",
  headers: { "x-api-key": "k", "x-api-id": "i", "content-type": "application/json" },
  body: JSON.stringify({ channelId: "c", to: { phone: "1" }, type: "text", text: { body: "hi" } }),
});
const t4 = performance.now(); await (await send()).text();
const t5 = performance.now(); await (await send()).text();
const t6 = performance.now();
await Promise.all([mock.close(), second.close()]);
console.log(JSON.stringify({ import: t1 - t0, cold: t2 - t0, coldCpu: (cpu.user + cpu.system) / 1000, warm: t3 - t2, firstSend: t5 - t4, laterSend: t6 - t5 }));
`;

const samples = [];
for (let i = 0; i < runs; i++) {
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", child], {
    cwd: new URL("..", import.meta.url),
    encoding: "utf8",
  });
  samples.push(JSON.parse(out));
}
const median = (key) => {
  const sorted = samples.map((s) => s[key]).sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)].toFixed(1);
};
console.log(`startMockServer(), median of ${runs} fresh processes:`);
console.log(`  import of the package       ${median("import")} ms`);
console.log(`  cold start (import+listen)  ${median("cold")} ms`);
console.log(
  `  CPU time of the whole process until it listens ${median("coldCpu")} ms (a load-independent figure)`,
);
console.log(`  warm start (same process)   ${median("warm")} ms`);
console.log(`  first sendMessage request   ${median("firstSend")} ms (compiles its validator)`);
console.log(`  later sendMessage request   ${median("laterSend")} ms`);
