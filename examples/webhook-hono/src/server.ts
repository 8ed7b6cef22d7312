import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
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

/** A Hono app with the webhooks at /webhooks, served by @hono/node-server on 127.0.0.1. */
export async function start(options: StartOptions = {}): Promise<Receiver> {
  const verifyToken = options.verifyToken ?? process.env.XMS_VERIFY_TOKEN;
  if (!verifyToken) throw new Error("set XMS_VERIFY_TOKEN to the webhook verification token");
  const webhooks = createReceiver({ verifyToken, log: options.log });

  const app = new Hono();
  app.get("/health", (c) => c.json({ ok: true }));
  // The Web-standard entry point takes the raw Request and answers with a Response: the status
  // (200, 401, 400, 500...) and the contact-info answer are decided by @mehery/xms-webhooks.
  // The published sub-paths (/webhooks/api/v1/message/receive, /webhooks/api/v1/contact/info)
  // land here too.
  app.all("/webhooks", (c) => webhooks.handle(c.req.raw));
  app.all("/webhooks/*", (c) => webhooks.handle(c.req.raw));

  const server = await new Promise<Server>((resolve, reject) => {
    const started = serve(
      { fetch: app.fetch, port: options.port ?? 3000, hostname: "127.0.0.1" },
      () => resolve(started as Server),
    );
    started.once("error", reject);
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
