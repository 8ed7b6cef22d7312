// A Cloudflare Worker typed by @cloudflare/workers-types alone (no DOM lib, no @types/node).
import { createWebhooks, type Webhooks } from "@mehery/xms-webhooks";

interface Env {
  XMS_VERIFY_TOKEN: string;
}

let webhooks: Webhooks | undefined;

export default {
  async fetch(request, env): Promise<Response> {
    webhooks ??= createWebhooks({ verifyToken: env.XMS_VERIFY_TOKEN });
    return webhooks.handle(request);
  },
} satisfies ExportedHandler<Env>;
