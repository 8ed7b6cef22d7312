import { createServer, type IncomingMessage, type Server } from "node:http";
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";

type LambdaHandler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The event of an HTTP API (payload format 2.0), as API Gateway builds it from a request. */
export function toEvent(
  req: IncomingMessage,
  body: Buffer,
  base64: boolean,
): APIGatewayProxyEventV2 {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  const headers: Record<string, string> = {};
  // API Gateway lower-cases the names and joins a repeated header with commas.
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(",") : value;
  }
  const method = req.method ?? "GET";
  return {
    version: "2.0",
    routeKey: "$default",
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    requestContext: {
      accountId: "123456789012",
      apiId: "local",
      domainName: "local.execute-api.invalid",
      domainPrefix: "local",
      http: {
        method,
        path: url.pathname,
        protocol: "HTTP/1.1",
        sourceIp: "127.0.0.1",
        userAgent: headers["user-agent"] ?? "",
      },
      requestId: "local",
      routeKey: "$default",
      stage: "$default",
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
    },
    ...(body.byteLength === 0
      ? { isBase64Encoded: false }
      : base64
        ? { body: body.toString("base64"), isBase64Encoded: true }
        : { body: body.toString("utf8"), isBase64Encoded: false }),
  };
}

/**
 * A local stand-in for API Gateway: each request becomes an event for `handler`, and its result
 * the answer. With `base64`, bodies are sent base64-encoded, as API Gateway does with bodies it
 * does not take for text.
 */
export function apiGateway(handler: LambdaHandler, { base64 }: { base64: boolean }): Server {
  return createServer((req, res) => {
    void readBody(req)
      .then((body) => handler(toEvent(req, body, base64)))
      .then(
        (result) => {
          res.writeHead(result.statusCode ?? 200, result.headers as Record<string, string>);
          res.end(result.body ?? "");
        },
        // What API Gateway answers when the function throws.
        () => res.writeHead(502).end(),
      );
  });
}
