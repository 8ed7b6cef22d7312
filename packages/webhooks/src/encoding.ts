/**
 * Content-Encoding: gzip and deflate decode with the Web `DecompressionStream` (every runtime),
 * br with `node:zlib` where the runtime has it (Node, Bun, Deno; looked up at run time, never
 * imported). Decoding stops as soon as the output passes the byte limit, so a small "zip bomb"
 * costs no more than a body of that limit.
 */
import { TOO_LARGE, readWebStream } from "./body.js";

export type Encoding = "gzip" | "deflate" | "br";

export const UNDECODABLE = Symbol("undecodable");

/** What decoding gave: the decoded bytes, or why there are none. */
export type Decoded = Uint8Array | typeof TOO_LARGE | typeof UNDECODABLE;

/** The part of `node:zlib` used here. */
interface NodeZlib {
  brotliDecompress(
    data: Uint8Array,
    options: { maxOutputLength: number },
    callback: (error: Error | null, result: Uint8Array) => void,
  ): void;
}

function nodeZlib(): NodeZlib | undefined {
  try {
    const runtime = globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } };
    const zlib = runtime.process?.getBuiltinModule?.("node:zlib") as Partial<NodeZlib> | undefined;
    return typeof zlib?.brotliDecompress === "function" ? (zlib as NodeZlib) : undefined;
  } catch {
    return undefined;
  }
}

const ALIASES: Record<string, Encoding | "identity"> = {
  identity: "identity",
  gzip: "gzip",
  "x-gzip": "gzip",
  deflate: "deflate",
  br: "br",
};

/**
 * The codings of a Content-Encoding header in the order they were applied (identity left out),
 * or, when one can not be decoded here, `{ unsupported }` with its name.
 */
export function parseContentEncoding(
  value: string | null | undefined,
): Encoding[] | { unsupported: string } {
  if (!value) return [];
  const codings: Encoding[] = [];
  for (const part of value.split(",")) {
    const name = part.trim().toLowerCase();
    if (name === "") continue;
    const coding = Object.hasOwn(ALIASES, name) ? ALIASES[name] : undefined;
    if (coding === undefined || (coding === "br" && !nodeZlib())) {
      // A header value, but not a secret one; cut and cleaned before it reaches a message.
      return { unsupported: name.replace(/[^\w.+-]/g, "?").slice(0, 32) };
    }
    if (coding !== "identity") codings.push(coding);
  }
  return codings;
}

function brotli(bytes: Uint8Array, limit: number): Promise<Decoded> {
  const zlib = nodeZlib();
  if (!zlib) return Promise.resolve(UNDECODABLE);
  return new Promise((resolve) => {
    // maxOutputLength stops the decoder once the output passes the limit.
    zlib.brotliDecompress(bytes, { maxOutputLength: limit }, (error, result) => {
      if (!error) resolve(result);
      else
        resolve(
          (error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" ? TOO_LARGE : UNDECODABLE,
        );
    });
  });
}

async function decodeOne(bytes: Uint8Array, coding: Encoding, limit: number): Promise<Decoded> {
  if (coding === "br") return brotli(bytes, limit);
  let output: ReadableStream<Uint8Array>;
  try {
    const input = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes);
        controller.close();
      },
    });
    output = input.pipeThrough(new DecompressionStream(coding));
  } catch {
    return UNDECODABLE;
  }
  // Read chunk by chunk and cancelled past the limit: the decoder is never run ahead of it.
  const decoded = await readWebStream(output, { bytes: limit });
  // Anything else is a stream error: data that is not of this coding.
  return decoded === TOO_LARGE || decoded instanceof Uint8Array ? decoded : UNDECODABLE;
}

/** Undoes `codings` (last applied, first undone); the output never grows past `limit` bytes. */
export async function decodeBody(
  bytes: Uint8Array,
  codings: readonly Encoding[],
  limit: number,
): Promise<Decoded> {
  let current: Decoded = bytes;
  for (let i = codings.length - 1; i >= 0 && current instanceof Uint8Array; i--) {
    current = await decodeOne(current, codings[i] as Encoding, limit);
  }
  return current;
}

/**
 * Whether bytes a framework handed over are already JSON text (a body parser such as
 * `express.raw()` decodes Content-Encoding itself but leaves the header): then they are not
 * decoded again. No gzip, deflate (zlib) or brotli stream of a JSON object starts this way
 * except, rarely, brotli, whose decoding would then fail anyway.
 */
export function looksLikeJsonText(bytes: Uint8Array): boolean {
  for (const byte of bytes) {
    if (byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d) continue;
    return byte === 0x7b || byte === 0x5b; // { or [
  }
  return false;
}
