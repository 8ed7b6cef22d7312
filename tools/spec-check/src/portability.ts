/**
 * Does spec/openapi.yaml read the same in every tool? Two checks that generic OpenAPI linters
 * do not make: the document is the same under YAML 1.1 rules (PyYAML, SnakeYAML, Jackson: a
 * bare `NO` is `false`, `1:20` is a number) as under YAML 1.2, and it uses no anchors or
 * aliases (Jackson's tree reader returns an alias as the anchor's name).
 */
import { isAlias, isNode, parse, parseDocument, visit } from "yaml";

/** The document as a YAML 1.1 reader and as a YAML 1.2 reader see it. */
export function readUnderBothVersions(text: string): { yaml11: unknown; yaml12: unknown } {
  return {
    yaml11: parse(text, { version: "1.1", maxAliasCount: -1 }),
    yaml12: parse(text, { version: "1.2", maxAliasCount: -1 }),
  };
}

/** Where two parsed documents differ: `components.schemas.ContactMeta.properties.lang.enum.126: "NO" vs false`. */
export function differences(a: unknown, b: unknown, path: string[] = []): string[] {
  const where = path.join(".") || "(root)";
  const show = (v: unknown) => (v instanceof Date ? `Date(${v.toISOString()})` : JSON.stringify(v));
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return [`${where}: ${a.length} items vs ${b.length}`];
    return a.flatMap((item, i) => differences(item, b[i], [...path, String(i)]));
  }
  const isPlain = (v: unknown): v is Record<string, unknown> =>
    typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Date);
  if (isPlain(a) && isPlain(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    return keys.flatMap((key) =>
      key in a && key in b
        ? differences(a[key], b[key], [...path, key])
        : [`${where}: key ${JSON.stringify(key)} only in one reading`],
    );
  }
  if (Object.is(a, b)) return [];
  return [`${where}: ${show(a)} vs ${show(b)}`];
}

/** Each anchor (`&name`) and alias (`*name`) of the YAML text, with its line. */
export function anchorsAndAliases(text: string): string[] {
  const document = parseDocument(text, { keepSourceTokens: false });
  const found: string[] = [];
  const lineOf = (offset: number | undefined) =>
    offset === undefined ? "?" : String(text.slice(0, offset).split("\n").length);
  visit(document, (_key, node) => {
    if (isAlias(node)) found.push(`alias *${node.source} at line ${lineOf(node.range?.[0])}`);
    else if (isNode(node) && node.anchor !== undefined)
      found.push(`anchor &${node.anchor} on the node at line ${lineOf(node.range?.[0])}`);
  });
  return found;
}
