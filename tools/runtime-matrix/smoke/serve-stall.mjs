// @ts-check
/**
 * A receiver on the runtime's own HTTP server (Deno.serve, Bun.serve) answering with
 * `webhooks.handle()`, with a short bodyTimeoutMs. Prints its port as one JSON line, then serves
 * until killed. The matrix test sends it a delivery that stalls mid-body and expects a 408 and a
 * closed connection: a stalled sender must not hold a connection until the host's own timeout.
 */
import { createWebhooks } from "@mehery/xms-webhooks";
import { verifyToken } from "./core.mjs";

const webhooks = createWebhooks({ verifyToken, bodyTimeoutMs: 300 });
/** @type {(request: Request) => Promise<Response>} */
const handle = (request) => webhooks.handle(request);
/** @type {any} */
const g = globalThis;

if (g.Deno) {
  g.Deno.serve(
    {
      port: 0,
      hostname: "127.0.0.1",
      onListen: (/** @type {{ port: number }} */ { port }) => console.log(JSON.stringify({ port })),
    },
    handle,
  );
} else if (g.Bun) {
  const server = g.Bun.serve({ port: 0, hostname: "127.0.0.1", fetch: handle });
  console.log(JSON.stringify({ port: server.port }));
} else {
  throw new Error("serve-stall.mjs runs on Deno or Bun, which have a server of their own");
}
