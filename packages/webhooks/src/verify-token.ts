/**
 * Constant-time check of the `x-verify-token` header against every configured token.
 *
 * Both sides are hashed with SHA-256, so the comparison always runs over 32 bytes whatever the
 * lengths of the tokens, and it never stops at the first differing byte. Every configured token
 * is compared, so the time does not tell which token (if any) matched either.
 *
 * The hash is synchronous where the runtime has `node:crypto` (Node 20.16+, Bun, Deno): a Web
 * Crypto digest costs a promise and a thread-pool hop per delivery, 10 to 20 times the hash
 * itself. `node:crypto` is looked up at run time (`process.getBuiltinModule`), never imported,
 * so that the package still bundles for Workers and browsers, which use Web Crypto.
 */

/** A SHA-256 digest of the UTF-8 bytes of a string. */
type SyncDigest = (text: string) => Uint8Array;

/** The part of `node:crypto` used here. */
interface NodeCrypto {
  /** One-shot (Node 20.12+); strings are hashed as UTF-8. */
  hash?(algorithm: "sha256", data: string, outputEncoding: "buffer"): Uint8Array;
  createHash(algorithm: "sha256"): {
    update(data: string, encoding: "utf8"): { digest(): Uint8Array };
  };
}

/** `node:crypto`'s SHA-256 when this runtime has it, else undefined. */
export function nodeSha256(): SyncDigest | undefined {
  try {
    const runtime = globalThis as {
      process?: { getBuiltinModule?: (id: string) => unknown };
    };
    const nodeCrypto = runtime.process?.getBuiltinModule?.("node:crypto") as
      Partial<NodeCrypto> | undefined;
    // The one-shot hash() costs about half of createHash(): no Hash object per call.
    const hash = nodeCrypto?.hash;
    if (typeof hash === "function") return (text) => hash("sha256", text, "buffer");
    const createHash = nodeCrypto?.createHash;
    if (typeof createHash !== "function") return undefined;
    return (text) => createHash("sha256").update(text, "utf8").digest();
  } catch {
    return undefined;
  }
}

const encoder = new TextEncoder();

async function webSha256(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest("SHA-256", encoder.encode(text)));
}

/** 1 when the two 32-byte digests are equal, else 0; no early exit, no data-dependent branch. */
function digestsEqual(a: Uint8Array, b: Uint8Array): number {
  let diff = 0;
  for (let i = 0; i < 32; i++) diff |= (a[i] as number) ^ (b[i] as number);
  // diff is 0..255: (0 - 1) >> 8 is -1 (all ones), (1..255 - 1) >> 8 is 0.
  return ((diff - 1) >> 8) & 1;
}

/** 1 when `actual` equals one of `wanted`, else 0; compares with every one of them. */
function matchesAny(actual: Uint8Array, wanted: readonly Uint8Array[]): number {
  let matches = 0;
  for (const digest of wanted) matches |= digestsEqual(actual, digest);
  return matches;
}

/**
 * Whether `presented` (the header value, or null when absent) is one of the tokens: a boolean
 * where the hash is synchronous, a promise of one where only Web Crypto is available.
 */
export type TokenVerifier = (presented: string | null) => boolean | Promise<boolean>;

export interface TokenVerifierOptions {
  /** Use Web Crypto even where `node:crypto` is available (to test that path). */
  webCryptoOnly?: boolean;
}

export function createTokenVerifier(
  tokens: readonly string[],
  options: TokenVerifierOptions = {},
): TokenVerifier {
  const sha256 = options.webCryptoOnly ? undefined : nodeSha256();
  if (sha256) {
    // Hashed once, here: the per-delivery work is one hash and the comparisons.
    const wanted = tokens.map(sha256);
    return function verifyToken(presented) {
      // An absent header is hashed too, as an empty token, so that it takes the same path.
      const matches = matchesAny(sha256(presented ?? ""), wanted);
      return presented !== null && matches === 1;
    };
  }
  // Hashed on first use, once, not at creation: some runtimes (Workers) forbid crypto work at
  // module scope, where createWebhooks() is usually called.
  let expected: Promise<Uint8Array[]> | undefined;
  return async function verifyToken(presented) {
    expected ??= Promise.all(tokens.map(webSha256));
    const [actual, wanted] = await Promise.all([webSha256(presented ?? ""), expected]);
    return presented !== null && matchesAny(actual, wanted) === 1;
  };
}

/**
 * What carries a delivery's `x-verify-token`: its value (null or undefined when absent; a list,
 * as Node gives a repeated header, is joined and so matches nothing), or an object with
 * `headers`: a Fetch `Headers` (or the Headers itself), or a plain record with names in any case (Node,
 * Fastify, Koa, API Gateway events).
 */
export type TokenSource =
  | string
  | readonly string[]
  | null
  | undefined
  | { get(name: string): string | null }
  | { readonly headers: unknown };

function headerValue(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.join(", ");
  return null;
}

/** The `x-verify-token` value a TokenSource carries, or null. */
export function tokenOf(source: TokenSource): string | null {
  if (source === null || source === undefined) return null;
  if (typeof source === "string" || Array.isArray(source)) return headerValue(source);
  // A Headers object itself, or what holds one (a Request) or a record of headers.
  const headers = "headers" in source ? source.headers : source;
  if (typeof headers !== "object" || headers === null) return null;
  const get = (headers as { get?: unknown }).get;
  if (typeof get === "function") return headerValue(get.call(headers, "x-verify-token"));
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() === "x-verify-token") return headerValue(value);
  }
  return null;
}
