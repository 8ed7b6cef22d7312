/** Plain JSON values as parsed from YAML, and the few helpers every check needs. */

export type JsonObject = { [key: string]: unknown };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `value[key]` if it is an object, else undefined. */
export function objectAt(value: unknown, key: string): JsonObject | undefined {
  if (!isObject(value)) return undefined;
  const child = value[key];
  return isObject(child) ? child : undefined;
}

/** `value[key]` if it is an array, else undefined. */
export function arrayAt(value: unknown, key: string): unknown[] | undefined {
  if (!isObject(value)) return undefined;
  const child = value[key];
  return Array.isArray(child) ? child : undefined;
}

/** `value[key]` if it is a string, else undefined. */
export function stringAt(value: unknown, key: string): string | undefined {
  if (!isObject(value)) return undefined;
  const child = value[key];
  return typeof child === "string" ? child : undefined;
}

/** Escapes one JSON Pointer reference token (RFC 6901). */
export function escapePointerToken(token: string): string {
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** Builds a JSON Pointer ("/a/b~1c") from its unescaped tokens. */
export function toPointer(tokens: readonly string[]): string {
  return tokens.map((token) => `/${escapePointerToken(token)}`).join("");
}

/** The value at a local reference (`#/components/schemas/X`) of `document`. */
export function resolveLocalRef(document: unknown, ref: string): unknown {
  if (!ref.startsWith("#")) {
    throw new Error(`spec-check: only local $refs are supported, got ${JSON.stringify(ref)}`);
  }
  const pointer = ref.slice(1);
  if (pointer === "") return document;
  let node: unknown = document;
  for (const raw of pointer.slice(1).split("/")) {
    const token = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
    if (Array.isArray(node)) {
      node = node[Number(token)];
    } else if (isObject(node)) {
      node = node[token];
    } else {
      node = undefined;
    }
    if (node === undefined) throw new Error(`spec-check: unresolvable $ref ${JSON.stringify(ref)}`);
  }
  return node;
}

/** Follows `$ref`s (a chain of them) to the object they name; returns it with its own location. */
export function deref(
  document: unknown,
  node: unknown,
  pointer: string,
): { node: unknown; pointer: string } {
  let current = node;
  let at = pointer;
  const seen = new Set<string>();
  for (;;) {
    const ref = stringAt(current, "$ref");
    if (ref === undefined) return { node: current, pointer: at };
    if (seen.has(ref)) throw new Error(`spec-check: $ref cycle through ${ref}`);
    seen.add(ref);
    current = resolveLocalRef(document, ref);
    at = ref.slice(1);
  }
}
