// pnpm bench (first part): deliveries per second over loopback HTTP, keep-alive, 32 connections,
// for a bare node:http receiver (read, JSON.parse, call the handler), createNodeMiddleware,
// handle() behind @hono/node-server, and @octokit/webhooks' Node middleware with its HMAC (the
// peer), each as a ratio to bare. The receivers run in one child process (bench/http/servers.mjs),
// this process is the load generator (undici Pool). Rounds are interleaved (the order rotates
// each round) and each receiver's figure is its median round, so a busy moment of the machine
// slows some rounds, not the median. Asserts nothing: timings vary by machine and load.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { Pool } from "undici";
import { body, headersFor } from "./http/payload.mjs";

const CONNECTIONS = 32;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 1500);
const labels = {
  bare: "bare node:http + JSON.parse",
  node: "createNodeMiddleware",
  hono: "handle() behind @hono/node-server",
  octokit: "@octokit/webhooks middleware (peer)",
};

const servers = spawn(process.execPath, [new URL("./http/servers.mjs", import.meta.url).pathname], {
  stdio: ["pipe", "pipe", "inherit", "ipc"],
});
/** The receivers' process's CPU time so far, in µs (it answers each message with it). */
const serverCpu = async () => {
  servers.send("cpu");
  const [micros] = await once(servers, "message");
  return micros;
};
const [firstLine] = await once(createInterface({ input: servers.stdout }), "line");
const ports = JSON.parse(firstLine);

const pools = Object.fromEntries(
  Object.entries(ports).map(([name, port]) => [
    name,
    new Pool(`http://127.0.0.1:${port}`, { connections: CONNECTIONS, pipelining: 1 }),
  ]),
);

/**
 * Sends deliveries to `name` on 32 connections for ROUND_MS; resolves with deliveries/s and the
 * receiving process's CPU µs per delivery (less sensitive to the machine's load than the rate).
 */
async function round(name) {
  const pool = pools[name];
  const headers = { ...headersFor[name], "content-length": String(body.byteLength) };
  let done = 0;
  const cpu0 = await serverCpu();
  const start = performance.now();
  const deadline = start + ROUND_MS;
  const connection = async () => {
    while (performance.now() < deadline) {
      const response = await pool.request({ path: "/webhooks", method: "POST", headers, body });
      await response.body.dump();
      if (response.statusCode !== 200) throw new Error(`${name} answered ${response.statusCode}`);
      done++;
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, connection));
  const seconds = (performance.now() - start) / 1000;
  return { rate: done / seconds, cpu: ((await serverCpu()) - cpu0) / done };
}

const names = Object.keys(labels);
const rates = Object.fromEntries(names.map((name) => [name, []]));
const cpus = Object.fromEntries(names.map((name) => [name, []]));
// Round -1 warms up the JIT of both processes and opens the connections; it is not counted.
for (let r = -1; r < ROUNDS; r++) {
  const order = names.map((_, i) => names[(i + Math.max(r, 0)) % names.length]);
  for (const name of order) {
    const { rate, cpu } = await round(name);
    if (r >= 0) {
      rates[name].push(rate);
      cpus[name].push(cpu);
    }
  }
}
await Promise.all(Object.values(pools).map((pool) => pool.close()));
servers.stdin.end();
await once(servers, "exit");

const median = (values) => [...values].sort((x, y) => x - y)[values.length >> 1];
const bare = median(rates.bare);
console.log(
  `HTTP: ${body.byteLength}-byte text message over loopback, keep-alive, ${CONNECTIONS} connections; median of ${ROUNDS} interleaved rounds of ${ROUND_MS} ms; Node ${process.versions.node}`,
);
for (const name of names) {
  const rate = median(rates[name]);
  const spread = `${Math.round(Math.min(...rates[name]))}-${Math.round(Math.max(...rates[name]))}`;
  console.log(
    `${labels[name].padEnd(40)}${Math.round(rate).toLocaleString("en-US").padStart(8)} deliveries/s   ${(rate / bare).toFixed(2)}x bare   (rounds ${spread})   receiver CPU ${median(cpus[name]).toFixed(1)} µs/delivery`,
  );
}
