import { connect, type Socket } from "node:net";

export interface SocketResult {
  /** The raw answer the server sent (status line, headers, body). */
  response: string;
  /** Bytes of the request this client managed to write before the server closed on it. */
  written: number;
  /** Whether the server ended or reset the connection (the client never closes it). */
  closedByServer: boolean;
}

/**
 * A raw HTTP/1.1 client on a real socket: sends `head`, then `body` chunks until `bodyBytes`
 * are written or the server closes the connection, or (`stall`) sends nothing more after the
 * first chunk. Never closes the connection itself; resolves when the server did, or after
 * `giveUpMs` (then closedByServer is false).
 */
export function rawExchange(
  url: string,
  options: {
    head: string;
    chunk: Uint8Array;
    bodyBytes: number;
    stall?: boolean;
    giveUpMs: number;
  },
): Promise<SocketResult> {
  const { port, hostname } = new URL(url);
  return new Promise((resolve) => {
    const socket: Socket = connect(Number(port), hostname);
    let response = "";
    let written = 0;
    let closed = false;
    const done = (closedByServer: boolean): void => {
      clearTimeout(giveUp);
      socket.destroy();
      resolve({ response, written, closedByServer });
    };
    const giveUp = setTimeout(() => done(false), options.giveUpMs);
    socket.on("data", (data) => (response += data.toString("latin1")));
    socket.on("error", () => {});
    socket.on("close", () => {
      closed = true;
      done(true);
    });
    socket.on("end", () => done(true));
    socket.on("connect", async () => {
      socket.write(options.head);
      while (!closed && written < options.bodyBytes) {
        written += options.chunk.byteLength;
        const flushed = socket.write(options.chunk);
        if (options.stall) return;
        if (!flushed) await new Promise((r) => socket.once("drain", r).once("close", r));
      }
    });
  });
}

/** The head of a POST with the given headers (Content-Length included by the caller). */
export function postHead(path: string, headers: Record<string, string | number>): string {
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  return [`POST ${path} HTTP/1.1`, "host: 127.0.0.1", ...lines, "", ""].join("\r\n");
}
