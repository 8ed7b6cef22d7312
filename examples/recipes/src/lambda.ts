// AWS Lambda behind an API Gateway HTTP API (payload format 2.0) or a function URL.
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { createWebhooks } from "@mehery/xms-webhooks";

const webhooks = createWebhooks({ verifyToken: process.env.XMS_VERIFY_TOKEN!, dedupe: true });
webhooks.on("message.text", ({ payload }) => console.log(`text from ${payload.from}`));

export async function handler(
  event: APIGatewayProxyEventV2,
): Promise<APIGatewayProxyStructuredResultV2> {
  const { method, path } = event.requestContext.http;
  const headers = new Headers();
  for (const [name, value] of Object.entries(event.headers)) {
    if (value !== undefined) headers.set(name, value);
  }
  // API Gateway base64-encodes the bodies it does not take for text.
  const body =
    event.body === undefined || method === "GET" || method === "HEAD"
      ? null
      : event.isBase64Encoded
        ? Buffer.from(event.body, "base64")
        : event.body;
  // handle() reads the path (to route the two published sub-paths), never the host.
  const request = new Request(new URL(path, "https://lambda.invalid"), { method, headers, body });

  const response = await webhooks.handle(request);
  return {
    statusCode: response.status,
    headers: Object.fromEntries(response.headers),
    body: await response.text(),
  };
}
