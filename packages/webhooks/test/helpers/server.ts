import { createServer, request as httpRequest, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach } from "vitest";

const open: Server[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((server) => close(server)));
});

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}

/** Starts `listener` on 127.0.0.1 (a free port); closed after the test. Returns its base URL. */
export async function listen(listener: RequestListener | Server): Promise<string> {
  const server = typeof listener === "function" ? createServer(listener) : listener;
  open.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * A POST with node:http, for bodies that fetch can not send (a lying or absent Content-Length,
 * a body streamed past the limit). Resolves on the response, even if the server stops reading.
 */
export function rawPost(
  url: string,
  options: {
    headers?: Record<string, string>;
    chunks: Iterable<Uint8Array | string>;
    /** Do not end the request after the chunks: the rest of the body never comes. */
    hold?: boolean;
  },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: "POST", headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString("utf8"),
        });
        req.destroy();
      });
    });
    // The server may answer and close before the whole body is written: that is the point.
    req.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE" && error.code !== "ECONNRESET") reject(error);
    });
    const write = async (): Promise<void> => {
      for (const chunk of options.chunks) {
        if (req.destroyed) return;
        if (!req.write(chunk)) await new Promise((r) => req.once("drain", r).once("close", r));
      }
      if (!options.hold) req.end();
      else req.flushHeaders();
    };
    void write();
  });
}
