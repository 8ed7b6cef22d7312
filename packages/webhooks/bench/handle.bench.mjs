// pnpm bench: handle() (verify, read, parse, validate, dispatch to one handler) against a
// baseline of bare JSON.parse + a direct handler call, on the same ~2 KB message notification.
// Prints payloads/s and the ratio; asserts nothing (timings vary by machine and load).
import { performance } from "node:perf_hooks";
import { createWebhooks } from "../dist/index.js";

const TOKEN = "bench-verify-token-0123456789";
const notification = {
  type: "message",
  meta: { appId: "61ec7d9c2ce85742b201c5ab", debug: false, domain: "alex", server: "server.com" },
  contacts: [
    {
      contactId: "wa919988776655_918828218374",
      channelId: "wa360:918828218374",
      contactType: "WHATSAPP",
      csid: "919988776655",
      lane: "918828218374",
      profile: { name: "John Doe", phone: "919988776655" },
    },
  ],
  messages: [
    {
      id: "6520d5f8a1b2c3d4e5f60a01",
      messageIdExt: "wamid.HBgMOTE5OTg4Nzc2NjU1FQIAEhgg",
      contactId: "wa919988776655_918828218374",
      from: "919988776655",
      timestamp: 1696598000000,
      type: "text",
      text: { body: "" },
      session: {
        sessionId: "61f3810a02e14c0877fc1a32",
        routingId: "xsds34434-323-232",
        assignedToAgent: "SUPPORT",
        assignedToDept: "SUPPORT",
      },
    },
  ],
};
const base = JSON.stringify(notification).length;
notification.messages[0].text.body = "Hi, where is my order? ".repeat(80).slice(0, 2048 - base);
const json = JSON.stringify(notification);
const bytes = new TextEncoder().encode(json);

const BATCH = 1000;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);

let sink = 0;
const handler = (event) => {
  sink += event.payload.text.body.length;
};

function baseline() {
  const decoder = new TextDecoder();
  const start = performance.now();
  for (let i = 0; i < BATCH * ROUNDS; i++) {
    const value = JSON.parse(decoder.decode(bytes));
    handler({ name: "message.text", payload: value.messages[0] });
  }
  return (BATCH * ROUNDS) / ((performance.now() - start) / 1000);
}

const webhooks = createWebhooks({ verifyToken: TOKEN });
webhooks.on("message.text", handler);

function requests() {
  return Array.from(
    { length: BATCH },
    () =>
      new Request("http://127.0.0.1/webhooks", {
        method: "POST",
        headers: { "content-type": "application/json", "x-verify-token": TOKEN },
        body: bytes,
      }),
  );
}

/** handle() one request at a time; the Requests are built outside the timed part. */
async function sequential() {
  let elapsed = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const batch = requests();
    const start = performance.now();
    for (const request of batch) {
      const response = await webhooks.handle(request);
      if (response.status !== 200) throw new Error(`handle() answered ${response.status}`);
    }
    elapsed += performance.now() - start;
  }
  return (BATCH * ROUNDS) / (elapsed / 1000);
}

/** handle() with 64 deliveries in flight, as a server under load sees them. */
async function concurrent() {
  let elapsed = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const batch = requests();
    const start = performance.now();
    for (let i = 0; i < batch.length; i += 64) {
      const answers = await Promise.all(batch.slice(i, i + 64).map((r) => webhooks.handle(r)));
      if (answers.some((a) => a.status !== 200)) throw new Error("handle() did not answer 200");
    }
    elapsed += performance.now() - start;
  }
  return (BATCH * ROUNDS) / (elapsed / 1000);
}

/** Context: the Web Crypto SHA-256 of the token alone, which handle() awaits once per delivery. */
async function digestOnly() {
  const token = new TextEncoder().encode(TOKEN);
  const start = performance.now();
  for (let i = 0; i < BATCH * ROUNDS; i++) await crypto.subtle.digest("SHA-256", token);
  return (BATCH * ROUNDS) / ((performance.now() - start) / 1000);
}

// Warm up every path (JIT), then measure.
baseline();
await sequential();
await concurrent();

const rate = (n) => `${Math.round(n).toLocaleString("en-US")} payloads/s`;
const b = baseline();
const s = await sequential();
const c = await concurrent();
const d = await digestOnly();
console.log(`payload: ${bytes.byteLength} bytes (one text message), ${BATCH * ROUNDS} per run`);
console.log(`baseline  JSON.parse + direct handler call : ${rate(b)}`);
console.log(`handle()  one at a time                    : ${rate(s)}  ratio ${(s / b).toFixed(3)}`);
console.log(`handle()  64 in flight                     : ${rate(c)}  ratio ${(c / b).toFixed(3)}`);
console.log(`context: crypto.subtle.digest of the token alone, one at a time: ${rate(d)}`);
console.log(`(goal: ratio >= 0.5; sink ${sink > 0 ? "ok" : "empty"})`);
