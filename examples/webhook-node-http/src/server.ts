import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createNodeMiddleware } from "@mehery/xms-webhooks";
import { createReceiver } from "./webhooks.js";

export interface StartOptions {
  /** Default 3000; 0 picks a free port. */
  port?: number;
  /** Default: `XMS_VERIFY_TOKEN`. */
  verifyToken?: string;
  /** Where handled events are reported. Default: console.log. */
  log?: (line: string) => void;
}

export interface Receiver {
  /** The webhook URL, e.g. http://127.0.0.1:3000/webhooks. */
  url: string;
  close(): Promise<void>;
}

/** Serves the webhooks at /webhooks with node:http, on 127.0.0.1. */
export async function start(options: StartOptions = {}): Promise<Receiver> {
  const verifyToken = options.verifyToken ?? process.env.XMS_VERIFY_TOKEN;
  if (!verifyToken) throw new Error("set XMS_VERIFY_TOKEN to the webhook verification token");
  const webhooks = createReceiver({ verifyToken, log: options.log });

  // Requests to /webhooks (and /webhooks/api/v1/message/receive, /webhooks/api/v1/contact/info)
  // go to the webhooks; any other path gets 404.
  const server = createServer(createNodeMiddleware(webhooks, { path: "/webhooks" }));

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 3000, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
      }),
  };
}
