import type { IncomingMessage } from "node:http";
import { Readable } from "node:stream";

/**
 * The Fetch API `Request` of a Node request whose body nobody read yet, streaming that body.
 * `webhooks.handle()` reads only the method, the path, the headers and the body, so the origin
 * is a placeholder.
 */
export function toRequest(raw: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  const method = raw.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  return new Request(new URL(raw.url ?? "/", "http://127.0.0.1"), {
    method,
    headers,
    body: hasBody ? (Readable.toWeb(raw) as ReadableStream<Uint8Array>) : null,
    // Node's fetch wants this for a streamed body.
    duplex: "half",
  } as RequestInit);
}
