import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface FaultServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  /** Requests received so far: each is one attempt of the client. */
  readonly attempts: number;
  close(): Promise<void>;
}

/**
 * A local HTTP server on 127.0.0.1 whose `handler` decides, per attempt (1-based), how to answer
 * or fail. It counts the attempts that reached it.
 */
export async function startFaultServer(
  handler: (req: IncomingMessage, res: ServerResponse, attempt: number, body: string) => void,
  port = 0,
): Promise<FaultServer> {
  let attempts = 0;
  const server = createServer((req, res) => {
    attempts++;
    const attempt = attempts;
    // Answer once the request body is in, as a real server would.
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => handler(req, res, attempt, body));
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    get attempts() {
      return attempts;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port on 127.0.0.1 that nothing listens on (a connection to it is refused). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export function json(res: ServerResponse, status: number, body: unknown, headers = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** A 200 body shaped like the spec's envelopes. */
export const okBody = { message: "OK", status: "200", results: [], data: { id: "msg-1" } };

/** Test credentials. Distinctive, so a test can prove they never leak into error output. */
export const apiKey = "sk_test_SECRET-KEY-5f3a9c";
export const apiId = "id_test_SECRET-ID-77b1";

export const textMessage = {
  channelId: "wa360:918828218374",
  to: { phone: "919988776655" },
  type: "text",
  text: { body: "Your order has shipped." },
} as const;
