/** Plain JSON values as parsed from the spec, JSON Pointers (RFC 6901) and local `$ref`s. */

export type JsonObject = { [key: string]: unknown };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `value[key]` if it is an object, else undefined. */
export function objectAt(value: unknown, key: string): JsonObject | undefined {
  const child = isObject(value) ? value[key] : undefined;
  return isObject(child) ? child : undefined;
}

/** `value[key]` if it is an array, else undefined. */
export function arrayAt(value: unknown, key: string): unknown[] | undefined {
  const child = isObject(value) ? value[key] : undefined;
  return Array.isArray(child) ? child : undefined;
}

/** `value[key]` if it is a string, else undefined. */
export function stringAt(value: unknown, key: string): string | undefined {
  const child = isObject(value) ? value[key] : undefined;
  return typeof child === "string" ? child : undefined;
}

/** Builds a JSON Pointer (`/a/b~1c`) from its unescaped tokens. */
export function toPointer(tokens: readonly (string | number)[]): string {
  return tokens
    .map((token) => `/${String(token).replace(/~/g, "~0").replace(/\//g, "~1")}`)
    .join("");
}

/** The unescaped tokens of a JSON Pointer (`/a/b~1c` → `["a", "b/c"]`); `""` is the root. */
export function parsePointer(pointer: string): string[] {
  if (pointer === "") return [];
  if (!pointer.startsWith("/")) throw new Error(`spec-model: not a JSON Pointer: ${pointer}`);
  return pointer
    .slice(1)
    .split("/")
    .map((token) => token.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** The value at a JSON Pointer of `document`, or undefined when the pointer leads nowhere. */
export function atPointer(document: unknown, pointer: string): unknown {
  let node: unknown = document;
  for (const token of parsePointer(pointer)) {
    if (Array.isArray(node)) node = node[Number(token)];
    else if (isObject(node)) node = node[token];
    else return undefined;
  }
  return node;
}

/** A `$ref` object (`{ $ref: "#/..." }`). */
export function isRef(value: unknown): value is { $ref: string } {
  return isObject(value) && typeof value["$ref"] === "string";
}

/** `#/components/schemas/InBoundMsg` → `InBoundMsg`; undefined for any other value. */
export function schemaRefName(value: unknown): string | undefined {
  const ref = isRef(value) ? value.$ref : undefined;
  const match = ref === undefined ? null : /^#\/components\/schemas\/([^/]+)$/.exec(ref);
  return match?.[1]?.replace(/~1/g, "/").replace(/~0/g, "~");
}

/** The value a local `$ref` (`#/components/schemas/X`) names; throws when there is none. */
export function resolveLocalRef(document: unknown, ref: string): unknown {
  if (!ref.startsWith("#")) throw new Error(`spec-model: only local $refs are supported: ${ref}`);
  const value = atPointer(document, decodeURIComponent(ref.slice(1)));
  if (value === undefined) throw new Error(`spec-model: unresolvable $ref ${ref}`);
  return value;
}

/**
 * Follows a chain of `$ref`s to the object it names, and returns it with its own location (the
 * pointer of the last target, or `pointer` when `node` is not a reference).
 */
export function deref(
  document: unknown,
  node: unknown,
  pointer = "",
): { node: unknown; pointer: string } {
  let current = node;
  let at = pointer;
  const seen = new Set<string>();
  while (isRef(current)) {
    const ref = current.$ref;
    if (seen.has(ref)) throw new Error(`spec-model: $ref cycle through ${ref}`);
    seen.add(ref);
    current = resolveLocalRef(document, ref);
    at = decodeURIComponent(ref.slice(1));
  }
  return { node: current, pointer: at };
}

/** `deref(...).node`, typed for the caller that knows what the reference names. */
export function resolve<T>(document: unknown, node: unknown): T {
  return deref(document, node).node as T;
}
