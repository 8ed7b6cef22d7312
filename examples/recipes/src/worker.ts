// Cloudflare Workers: the token is a secret (`wrangler secret put XMS_VERIFY_TOKEN`), read from
// `env`; a Worker has no `process.env`, and `env` is known only once a request came.
import { createWebhooks, type Webhooks } from "@mehery/xms-webhooks";

interface Env {
  XMS_VERIFY_TOKEN: string;
}

let webhooks: Webhooks | undefined; // one per isolate, so that dedupe remembers across requests

function receiver(env: Env): Webhooks {
  if (webhooks) return webhooks;
  webhooks = createWebhooks({ verifyToken: env.XMS_VERIFY_TOKEN, dedupe: true });
  webhooks.on("message.text", ({ payload }) => console.log(`text from ${payload.from}`));
  return webhooks;
}

export default {
  fetch(request: Request, env: Env): Promise<Response> {
    return receiver(env).handle(request);
  },
};
