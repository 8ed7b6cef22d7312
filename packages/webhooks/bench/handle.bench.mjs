// pnpm bench: handle() (verify, read, parse, validate, dispatch to one handler) against a
// baseline of bare JSON.parse + a direct handler call, on the same ~2 KB message notification.
// Prints payloads/s and ratios; asserts nothing (timings vary by machine and load).
//
// The ratio is handle() on a ready Request against the baseline. Two more lines say what a
// server pays around it: building the Request (a runtime's server does it before handle() is
// called), and building a Request and reading its body alone, the Fetch API's own floor, which
// no receiver of a Request can go below.
import { performance } from "node:perf_hooks";
import { loadRepoSpec } from "@mehery/xms-codegen";
import { createWebhooks } from "../dist/index.js";

const TOKEN = "bench-verify-token-0123456789";
// The spec's `text` example of the message notification (the one src/generated/examples.ts
// holds), read through the codegen's spec loader, with its body grown to ~2 KB below.
const { spec } = loadRepoSpec(import.meta.dirname);
const notification =
  spec.webhooks.messageNotification.post.requestBody.content["application/json"].examples.text
    .value;
notification.messages[0].text.body = "";
const base = JSON.stringify(notification).length;
notification.messages[0].text.body = "Hi, where is my order? ".repeat(80).slice(0, 2048 - base);
const json = JSON.stringify(notification);
const bytes = new TextEncoder().encode(json);

// Each measure runs in TRIALS short trials and reports its median trial: a machine busy with
// something else slows some trials, not the median.
const BATCH = 2000;
const TRIALS = Number(process.env.BENCH_TRIALS ?? 15);

let sink = 0;
const handler = (event) => {
  sink += event.payload.text.body.length;
};

const webhooks = createWebhooks({ verifyToken: TOKEN });
webhooks.on("message.text", handler);

// As a server hands it over: with the Content-Length it received.
const init = {
  method: "POST",
  headers: {
    "content-type": "application/json",
    "content-length": String(bytes.byteLength),
    "x-verify-token": TOKEN,
  },
  body: bytes,
};
const request = () => new Request("http://127.0.0.1/webhooks", init);

/** (a) JSON.parse of the bytes + a direct call of the handler. */
async function baseline() {
  const decoder = new TextDecoder();
  const start = performance.now();
  for (let i = 0; i < BATCH; i++) {
    const value = JSON.parse(decoder.decode(bytes));
    handler({ name: "message.text", payload: value.messages[0] });
  }
  return performance.now() - start;
}

async function handled(one) {
  const response = await webhooks.handle(one);
  if (response.status !== 200) throw new Error(`handle() answered ${response.status}`);
}

/** (b) handle() on ready Requests (built before the timed part), one at a time. */
async function handleReady() {
  const batch = Array.from({ length: BATCH }, request);
  const start = performance.now();
  for (const one of batch) await handled(one);
  return performance.now() - start;
}

/** handle() with 64 deliveries in flight, as a server under load sees them. */
async function handleConcurrent() {
  const batch = Array.from({ length: BATCH }, request);
  const start = performance.now();
  for (let i = 0; i < batch.length; i += 64) {
    const answers = await Promise.all(batch.slice(i, i + 64).map((r) => webhooks.handle(r)));
    if (answers.some((a) => a.status !== 200)) throw new Error("handle() did not answer 200");
  }
  return performance.now() - start;
}

/** (b') new Request + handle(): what a server that builds Requests pays per delivery. */
async function handleWithRequest() {
  const start = performance.now();
  for (let i = 0; i < BATCH; i++) await handled(request());
  return performance.now() - start;
}

/** (c) new Request + reading its body, nothing else: the Fetch API's own cost. */
async function requestFloor() {
  const start = performance.now();
  for (let i = 0; i < BATCH; i++) {
    const reader = request().body.getReader();
    while (!(await reader.read()).done);
  }
  return performance.now() - start;
}

/** Runs each measure TRIALS times, the measures interleaved; the first round (JIT warm-up) is not counted. */
async function run(measures, trials) {
  for (let trial = -1; trial < TRIALS; trial++) {
    for (const [name, measure] of Object.entries(measures)) {
      const ms = await measure();
      if (trial >= 0) (trials[name] ??= []).push(ms);
    }
  }
}
const trials = {};
// The baseline first, alone: interleaved, it would pay for the garbage the Requests leave.
await run({ baseline }, trials);
await run({ handleReady, handleConcurrent, handleWithRequest, requestFloor }, trials);
/** Payloads per second of the median trial. */
const median = (name) => {
  const sorted = trials[name].sort((x, y) => x - y);
  return BATCH / (sorted[sorted.length >> 1] / 1000);
};
const a = median("baseline");
const b = median("handleReady");
const d = median("handleConcurrent");
const bb = median("handleWithRequest");
const c = median("requestFloor");

const rate = (n) => `${Math.round(n).toLocaleString("en-US").padStart(9)} payloads/s`;
const us = (n) => `${(1e6 / n).toFixed(1).padStart(5)} µs`;
const line = (label, n, extra = "") =>
  console.log(`${label.padEnd(52)}${rate(n)} ${us(n)}${extra}`);
console.log(
  `payload: ${bytes.byteLength} bytes (one text message); median of ${TRIALS} trials of ${BATCH}; Node ${process.versions.node}`,
);
line("(a) baseline: JSON.parse + direct handler call", a);
line("(b) handle() on a ready Request", b, `   ratio ${(b / a).toFixed(3)} (b/a)`);
line("    handle(), 64 in flight", d, `   ratio ${(d / a).toFixed(3)} (/a)`);
line("(b') new Request + handle()", bb, `   ratio ${(bb / a).toFixed(3)} (/a)`);
line(
  "(c) new Request + read its body (Fetch API floor)",
  c,
  `   ratio ${(bb / c).toFixed(3)} (b'/c)`,
);
console.log(
  `handle()'s own share of (b'): ${us(1 / (1 / bb - 1 / c)).trim()} beyond the floor; the ratio's goal is >= 0.5 (sink ${sink > 0 ? "ok" : "empty"})`,
);
