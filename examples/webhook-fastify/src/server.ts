import type { AddressInfo } from "node:net";
import Fastify, { type FastifyInstance } from "fastify";
import { toRequest } from "./request.js";
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

/** A Fastify app with its own JSON routes and the webhooks at /webhooks, on 127.0.0.1. */
export function createApp(options: {
  verifyToken: string;
  log?: (line: string) => void;
}): FastifyInstance {
  const webhooks = createReceiver(options);
  const app = Fastify();

  // The app's own routes keep Fastify's JSON parser.
  app.get("/health", async () => ({ ok: true }));
  app.post("/orders", async (request) => ({ received: request.body }));

  // The webhooks, in a plugin of their own: the parsers changed here apply to its routes only.
  void app.register(async (scope) => {
    // Fastify reads and parses a JSON body before the route runs, and a stream read once cannot
    // be read again. Here the body is left unread, so that handle() checks the token before it
    // reads a byte, applies maxBodyBytes and parses the bytes itself.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser("*", (_request, _payload, done) => done(null));

    // handle() answers with a Response (200, 401, 400, 500..., or the contact-info answer),
    // which Fastify sends as it is. /webhooks/* takes the published sub-paths
    // (/webhooks/api/v1/message/receive, /webhooks/api/v1/contact/info).
    for (const url of ["/webhooks", "/webhooks/*"]) {
      scope.all(url, (request) => webhooks.handle(toRequest(request.raw)));
    }
  });
  return app;
}

/** The app of createApp(), listening on 127.0.0.1. */
export async function start(options: StartOptions = {}): Promise<Receiver> {
  const verifyToken = options.verifyToken ?? process.env.XMS_VERIFY_TOKEN;
  if (!verifyToken) throw new Error("set XMS_VERIFY_TOKEN to the webhook verification token");
  const app = createApp({ verifyToken, log: options.log });
  await app.listen({ port: options.port ?? 3000, host: "127.0.0.1" });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    close: () => app.close(),
  };
}
