/**
 * Constant-time check of the `x-verify-token` header against every configured token.
 *
 * The presented value is compared with each configured token over the whole of that token, code
 * unit by code unit, with no early exit and no branch on the characters; unequal lengths only
 * add to the difference. So the time depends on lengths alone (mostly the configured tokens'),
 * never on how much of a guess was right or on which token (if any) matched. (Comparisons of
 * HMAC signatures, as other webhook libraries do them, stop at once on a length mismatch; this
 * one does not.)
 *
 * Plain JavaScript, the same on every runtime and synchronous: it costs about a tenth of a SHA-256
 * of the presented value, which this check used to compare instead (1.9 µs a delivery in a tight
 * loop on Node 20, more over HTTP; Web Crypto's digest also cost a promise per delivery).
 */

/** 1 when `presented` equals `wanted`, else 0, after reading every code unit of `wanted`. */
function equalsInConstantTime(presented: string, wanted: string): number {
  let difference = presented.length ^ wanted.length;
  for (let i = 0; i < wanted.length; i++) {
    // Past the end of a shorter `presented`, charCodeAt is NaN, which `| 0` makes 0.
    difference |= (presented.charCodeAt(i) | 0) ^ wanted.charCodeAt(i);
  }
  return difference === 0 ? 1 : 0;
}

/** Whether `presented` (the header value, or null when absent) is one of the tokens. */
export type TokenVerifier = (presented: string | null) => boolean;

export function createTokenVerifier(tokens: readonly string[]): TokenVerifier {
  const wanted = [...tokens];
  return function verifyToken(presented) {
    // An absent header is compared too, as an empty token, so that it takes the same path.
    const value = presented ?? "";
    let matches = 0;
    for (const token of wanted) matches |= equalsInConstantTime(value, token);
    return presented !== null && matches === 1;
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
