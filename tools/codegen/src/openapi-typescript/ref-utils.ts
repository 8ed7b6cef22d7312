/**
 * The two functions openapi-typescript's transforms take from `@redocly/openapi-core/lib/ref-utils`
 * (1.34), with the same behaviour: requiring that module loads 45 more (js-yaml, minimatch, an
 * HTTPS proxy agent) for two string functions. test/openapi-typescript/ref-utils.test.ts holds
 * them to Redocly's own on a table of references.
 */

function unescapePointer(fragment: string): string {
  return decodeURIComponent(fragment.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** A JSON pointer segment escaped (`~` → `~0`, `/` → `~1`); an array index as it is. */
export function escapePointer<T extends string | number>(fragment: T): T {
  if (typeof fragment === "number") return fragment;
  return fragment.replace(/~/g, "~0").replace(/\//g, "~1") as T;
}

/** `uri#/a/b~1c` → `{ uri, pointer: ["a", "b/c"] }`, empty segments dropped, as Redocly's. */
export function parseRef(ref: string): { uri: string | null; pointer: string[] } {
  const [uri = "", pointer = ""] = ref.split("#/");
  return {
    uri: (uri.endsWith("#") ? uri.slice(0, -1) : uri) || null,
    pointer: pointer.split("/").map(unescapePointer).filter(Boolean),
  };
}
