// The four receivers of the HTTP bench, in one process (the load generator is another), each on
// its own loopback port. Each calls one handler per delivery that reads the message text, and
// answers 200. Prints one JSON line of { name: port } once all listen; exits on stdin's end.
import { createServer } from "node:http";
import { serve } from "@hono/node-server";
import {
  Webhooks as OctokitWebhooks,
  createNodeMiddleware as octokitMiddleware,
} from "@octokit/webhooks";
import { Hono } from "hono";
import { createNodeMiddleware, createWebhooks } from "../../dist/index.js";
import { SECRET, TOKEN } from "./payload.mjs";

let sink = 0;
const handler = (message) => {
  sink += message.text.body.length;
};

/** (a) The floor: node:http, read the body, JSON.parse, call the handler; no checks at all. */
const bare = createServer((req, res) => {
  const chunks = [];
  req.on("data", (chunk) => chunks.push(chunk));
  req.on("end", () => {
    const value = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    handler(value.messages[0]);
    res.writeHead(200, { "content-type": "application/json" }).end("{}");
  });
});

const webhooks = createWebhooks({ verifyToken: TOKEN });
webhooks.on("message.text", ({ payload }) => handler(payload));

/** (b) createNodeMiddleware on node:http. */
const node = createServer(createNodeMiddleware(webhooks, { path: "/webhooks" }));

/** (c) handle() behind @hono/node-server, as examples/webhook-hono mounts it. */
const app = new Hono();
app.post("/webhooks", (c) => webhooks.handle(c.req.raw));

/** (d) The peer: @octokit/webhooks' Node middleware, which verifies an HMAC-SHA256. */
const octokit = new OctokitWebhooks({ secret: SECRET });
octokit.on("push", ({ payload }) => handler(payload.messages[0]));
const peer = createServer(octokitMiddleware(octokit, { path: "/webhooks" }));

const listen = (server) =>
  new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server.address().port)));
const honoPort = await new Promise((resolve) => {
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) =>
    resolve(info.port),
  );
  server.keepAliveTimeout = 60_000;
});
for (const server of [bare, node, peer]) server.keepAliveTimeout = 60_000;
const ports = {
  bare: await listen(bare),
  node: await listen(node),
  hono: honoPort,
  octokit: await listen(peer),
};
console.log(JSON.stringify(ports));
// The load generator asks, before and after each round, for this process's CPU time (µs).
process.on("message", () => {
  const used = process.cpuUsage();
  process.send(used.user + used.system);
});
process.channel?.unref();
process.stdin.resume();
process.stdin.on("end", () => {
  console.error(`servers: sink ${sink > 0 ? "ok" : "empty"}`);
  process.exit(0);
});
