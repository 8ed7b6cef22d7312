// pnpm bench: requests per second (and client CPU per request) of raw fetch, bare openapi-fetch,
// openapi-fetch given a timeout signal, this client's path API and its resource methods, against
// a loopback server in a child process. Prints; never asserts. Ends with the eight ratios of
// issue 12: each call style of this client (path API, resource methods) against bare
// openapi-fetch, for GET and POST, sequential and 32 in flight, as the median over the slices of
// (openapi-fetch time / client time) in the same slice; and beside each, the same ratio against
// openapi-fetch given `signal: AbortSignal.timeout(60_000)`, which is what a bare call needs for
// the time limit every attempt of this client has.
//
// Many short slices: the variants take turns, so that the machine's drift (this one's speed moves
// by several percent within a minute) falls on all alike. With 100 slices, over three runs, the GET
// ratios moved by up to 0.03 and the POST ratios by up to 0.09; with 20 longer slices the GET
// ratios of the same code moved by 0.29.
//
//   XMS_BENCH_SLICES=200 pnpm bench     (default 100 interleaved slices per mode)
//   XMS_BENCH_SEQUENTIAL=1000 XMS_BENCH_CONCURRENT=4000 pnpm bench   (a shorter run)
import { fork } from "node:child_process";
import createFetchClient from "openapi-fetch";
import { createClient } from "../dist/index.js";

const SLICES = Number(process.env.XMS_BENCH_SLICES ?? 100);
const SEQUENTIAL = Number(process.env.XMS_BENCH_SEQUENTIAL ?? 4_000);
const CONCURRENT = Number(process.env.XMS_BENCH_CONCURRENT ?? 12_800);
const IN_FLIGHT = 32;

const child = fork(new URL("./server.mjs", import.meta.url), { stdio: "inherit" });
const port = await new Promise((resolve) => child.once("message", resolve));
const baseUrl = `http://127.0.0.1:${port}`;
const headers = { "x-api-key": "bench-key", "x-api-id": "bench-id", "user-agent": "bench" };
const message = {
  channelId: "wa360:918828218374",
  to: { phone: "919988776655" },
  type: "text",
  text: { body: "Your order has shipped." },
};
const bare = createFetchClient({ baseUrl, headers });
const xms = createClient({ apiKey: "bench-key", apiId: "bench-id", baseUrl, userAgent: "bench" });

// Bare openapi-fetch with the time limit a call of this client has (an abort signal and a timer).
const TIMED = "o-f + timeout";
const ok = (value) => {
  if (!value) throw new Error("bench: request failed");
};
const variants = {
  GET: {
    "raw fetch": async () => {
      const res = await fetch(`${baseUrl}/api/v1/config/channels`, { headers });
      ok(res.ok && (await res.json()));
    },
    "openapi-fetch": async () => ok((await bare.GET("/api/v1/config/channels")).data),
    [TIMED]: async () =>
      ok((await bare.GET("/api/v1/config/channels", { signal: AbortSignal.timeout(60_000) })).data),
    "xms path API": async () => ok((await xms.GET("/api/v1/config/channels")).data),
    "xms resource": async () => ok(await xms.config.listChannels()),
  },
  POST: {
    "raw fetch": async () => {
      const res = await fetch(`${baseUrl}/api/v1/message/send`, {
        method: "POST",
        headers: { ...headers, "content-type": "application/json" },
        body: JSON.stringify(message),
      });
      ok(res.ok && (await res.json()));
    },
    "openapi-fetch": async () =>
      ok((await bare.POST("/api/v1/message/send", { body: message })).data),
    [TIMED]: async () =>
      ok(
        (
          await bare.POST("/api/v1/message/send", {
            body: message,
            signal: AbortSignal.timeout(60_000),
          })
        ).data,
      ),
    "xms path API": async () =>
      ok((await xms.POST("/api/v1/message/send", { body: message })).data),
    "xms resource": async () => ok(await xms.messages.send(message)),
  },
};

/** Wall-clock seconds and client CPU microseconds taken by `total` calls, `inFlight` at a time. */
async function time(call, total, inFlight) {
  let started = 0;
  const worker = async () => {
    while (started++ < total) await call();
  };
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(Array.from({ length: inFlight }, worker));
  const cpu = process.cpuUsage(cpu0);
  return [(performance.now() - t0) / 1000, cpu.user + cpu.system];
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
/** [case, call style, median ratio to openapi-fetch, median ratio to openapi-fetch + timeout] */
const summary = [];

const modes = [
  ["sequential", SEQUENTIAL, 1],
  [`${IN_FLIGHT} in flight`, CONCURRENT, IN_FLIGHT],
];

console.log(
  `node ${process.version}; per variant: ${SEQUENTIAL} requests one at a time, ` +
    `${CONCURRENT} requests ${IN_FLIGHT} in flight; interleaved in ${SLICES} slices\n`,
);
for (const [method, calls] of Object.entries(variants)) {
  const names = Object.keys(calls);
  for (const name of names) await time(calls[name], Math.min(1_000, CONCURRENT), IN_FLIGHT); // warm-up: JIT, sockets
  for (const [mode, total, inFlight] of modes) {
    // The variants take turns in short slices (in a rotating order), so a burst of load from
    // elsewhere on the machine slows them all alike instead of skewing one.
    const seconds = Object.fromEntries(names.map((n) => [n, 0]));
    const slices = Object.fromEntries(names.map((n) => [n, []]));
    const cpu = Object.fromEntries(names.map((n) => [n, 0]));
    for (let slice = 0; slice < SLICES; slice++) {
      for (let i = 0; i < names.length; i++) {
        const name = names[(i + slice) % names.length];
        const [s, c] = await time(calls[name], total / SLICES, inFlight);
        seconds[name] += s;
        slices[name].push(s);
        cpu[name] += c;
      }
    }
    const ratio = (name, base) => median(slices[name].map((s, i) => slices[base][i] / s));
    for (const name of ["xms path API", "xms resource"]) {
      summary.push([`${method} ${mode}`, name, ratio(name, "openapi-fetch"), ratio(name, TIMED)]);
    }
    const rate = (name) => total / seconds[name];
    // Client CPU per request: steadier than req/s when other processes load the machine.
    const perRequest = (name) => cpu[name] / total;
    console.log(`${method}, ${mode}`);
    for (const name of names) {
      console.log(
        `  ${name.padEnd(14)} ${rate(name).toFixed(0).padStart(6)} req/s ` +
          `${(rate(name) / rate("openapi-fetch")).toFixed(2)}x openapi-fetch ` +
          `${(rate(name) / rate("raw fetch")).toFixed(2)}x raw fetch | ` +
          `${perRequest(name).toFixed(0).padStart(4)} µs CPU/req ` +
          `${(perRequest("openapi-fetch") / perRequest(name)).toFixed(2)}x openapi-fetch`,
      );
    }
  }
  console.log();
}
console.log(
  "Ratios to bare openapi-fetch (median of per-slice ratios; >= 0.95 is the goal),\n" +
    "and to openapi-fetch given a timeout signal (the same guarantee as the client's):",
);
for (const [what, style, ratio, timed] of summary) {
  console.log(
    `  ${what.padEnd(20)} ${style.padEnd(14)} ${ratio.toFixed(2)}x` +
      `   (${timed.toFixed(2)}x openapi-fetch + timeout)`,
  );
}
child.disconnect();
child.kill();
