import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createNodeMiddleware } from "@mehery/xms-webhooks";
import express from "express";
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

/** An Express app with its own JSON routes and the webhooks at /webhooks, on 127.0.0.1. */
export async function start(options: StartOptions = {}): Promise<Receiver> {
  const verifyToken = options.verifyToken ?? process.env.XMS_VERIFY_TOKEN;
  if (!verifyToken) throw new Error("set XMS_VERIFY_TOKEN to the webhook verification token");
  const webhooks = createReceiver({ verifyToken, log: options.log });

  const app = express();
  // Mounted for the whole app, so it parses the webhook bodies too: the middleware then takes
  // the parsed req.body and validates it like any other delivery.
  app.use(express.json());
  app.get("/health", (_req, res) => {
    res.json({ ok: true });
  });
  // /webhooks (and /webhooks/api/v1/message/receive, /webhooks/api/v1/contact/info); other paths
  // go on to the next route.
  app.use(createNodeMiddleware(webhooks, { path: "/webhooks" }));

  const server = createServer(app);
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
