/**
 * Constant-time check of the `x-verify-token` header against every configured token.
 *
 * Both sides are hashed with SHA-256 (Web Crypto: global in Node 20, Bun, Deno and Workers), so
 * the comparison always runs over 32 bytes whatever the lengths of the tokens, and it never stops
 * at the first differing byte. Every configured token is compared, so the time does not tell
 * which token (if any) matched either.
 */

const encoder = new TextEncoder();

async function sha256(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest("SHA-256", encoder.encode(text)));
}

/** 1 when the two 32-byte digests are equal, else 0; no early exit, no data-dependent branch. */
function digestsEqual(a: Uint8Array, b: Uint8Array): number {
  let diff = 0;
  for (let i = 0; i < 32; i++) diff |= (a[i] as number) ^ (b[i] as number);
  // diff is 0..255: (0 - 1) >> 8 is -1 (all ones), (1..255 - 1) >> 8 is 0.
  return ((diff - 1) >> 8) & 1;
}

/** Returns whether `presented` (the header value, or null when absent) is one of `tokens`. */
export function createTokenVerifier(
  tokens: readonly string[],
): (presented: string | null) => Promise<boolean> {
  // Hashed on first use, not at creation: some runtimes (Workers) forbid crypto work at module
  // scope, where createWebhooks() is usually called.
  let expected: Promise<Uint8Array[]> | undefined;
  return async function verifyToken(presented) {
    expected ??= Promise.all(tokens.map(sha256));
    const [actual, wanted] = await Promise.all([sha256(presented ?? ""), expected]);
    let matches = 0;
    for (const digest of wanted) matches |= digestsEqual(actual, digest);
    return presented !== null && matches === 1;
  };
}
