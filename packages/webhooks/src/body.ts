/** Reading, decoding and parsing a request body within a byte limit. */

export const TOO_LARGE = Symbol("too large");
export const UNREADABLE = Symbol("unreadable");
export const MALFORMED = Symbol("malformed");

/** A body being read. `result` never rejects; `cancel()` stops reading (the result is dropped). */
export interface BodyRead {
  result: Promise<Uint8Array | typeof TOO_LARGE | typeof UNREADABLE>;
  cancel(): void;
}

/** Where a delivery's body comes from; adapters pick the one they have. */
export type BodySource =
  /** An unread stream: read up to the limit. */
  | { type: "stream"; open: (limit: number) => BodyRead }
  /** Bytes a framework already read (`req.rawBody`, `express.raw()`). */
  | { type: "bytes"; bytes: Uint8Array }
  /** A value a framework already parsed (`express.json()`): validated like any other. */
  | { type: "parsed"; value: unknown };

/** Reads a Web stream; past `limit` bytes it cancels the stream and stops. */
export function readWebStream(stream: ReadableStream<Uint8Array> | null, limit: number): BodyRead {
  if (stream === null) return { result: Promise.resolve(new Uint8Array(0)), cancel: () => {} };
  let reader: ReadableStreamDefaultReader<Uint8Array>;
  try {
    reader = stream.getReader();
  } catch {
    // Already read or locked (a framework consumed it).
    return { result: Promise.resolve(UNREADABLE), cancel: () => {} };
  }
  let cancelled = false;
  // Not awaited: a slow or hostile sender must not hold us here.
  const cancel = (): void => {
    if (cancelled) return;
    cancelled = true;
    reader.cancel().catch(() => {});
  };
  const read = async (): Promise<Uint8Array | typeof TOO_LARGE | typeof UNREADABLE> => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (cancelled) return UNREADABLE;
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        cancel();
        return TOO_LARGE;
      }
      chunks.push(value);
    }
    return concat(chunks, size);
  };
  return { result: read().catch(() => UNREADABLE), cancel };
}

export function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

// fatal: a body that is not valid UTF-8 is malformed, not silently repaired.
const decoder = new TextDecoder("utf-8", { fatal: true });

/** UTF-8 bytes → the parsed JSON value, or MALFORMED. */
export function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(decoder.decode(bytes));
  } catch {
    return MALFORMED;
  }
}

/** `application/json`, any case, with or without parameters (`; charset=utf-8`). */
export function isJsonContentType(value: string | null | undefined): boolean {
  if (!value) return false;
  const semicolon = value.indexOf(";");
  const type = (semicolon === -1 ? value : value.slice(0, semicolon)).trim().toLowerCase();
  return type === "application/json";
}

/**
 * What a Content-Length header says: a byte count, or undefined when absent. An unparsable value
 * counts as absent: the byte limit still applies while reading.
 */
export function declaredLength(value: string | null | undefined): number | undefined {
  if (value === null || value === undefined || !/^\s*\d+\s*$/.test(value)) return undefined;
  return Number(value);
}
