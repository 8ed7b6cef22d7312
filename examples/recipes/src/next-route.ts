// app/webhooks/xms/[...path]/route.ts: /webhooks/xms/api/v1/message/receive and
// /webhooks/xms/api/v1/contact/info both land here; handle() tells them apart by the path.
import { createWebhooks } from "@mehery/xms-webhooks";

const webhooks = createWebhooks({ verifyToken: process.env.XMS_VERIFY_TOKEN!, dedupe: true });
webhooks.on("message.text", ({ payload }) => console.log(`text from ${payload.from}`));

export function POST(request: Request): Promise<Response> {
  return webhooks.handle(request);
}
