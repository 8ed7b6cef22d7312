/**
 * The Cloudflare Worker: `wrangler deploy src/worker.ts` deploys it as it is. The verification
 * token is a secret of the Worker (`wrangler secret put XMS_VERIFY_TOKEN`), read from `env`:
 * a Worker has no `process.env`.
 */
import type { Webhooks } from "@mehery/xms-webhooks";
import { createReceiver } from "./webhooks.js";

export interface Env {
  XMS_VERIFY_TOKEN?: string;
}

// One receiver per isolate, made at the first request (env is only known then), so that dedupe
// remembers the deliveries this isolate handled. A changed secret makes a new one.
let receiver: { token: string; webhooks: Webhooks } | undefined;

function webhooksFor(token: string): Webhooks {
  if (receiver?.token !== token)
    receiver = { token, webhooks: createReceiver({ verifyToken: token }) };
  return receiver.webhooks;
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const { pathname } = new URL(request.url);
    if (pathname === "/health") return Response.json({ ok: true });
    // /webhooks, and the published sub-paths /webhooks/api/v1/message/receive and
    // /webhooks/api/v1/contact/info.
    if (pathname !== "/webhooks" && !pathname.startsWith("/webhooks/")) {
      return new Response("Not Found", { status: 404 });
    }
    const token = env.XMS_VERIFY_TOKEN;
    if (!token) {
      // A 5xx, not a 401: the platform retries the delivery once the secret is set.
      console.error("set the XMS_VERIFY_TOKEN secret to the webhook verification token");
      return new Response("Webhook receiver not configured", { status: 503 });
    }
    return webhooksFor(token).handle(request);
  },
};
