/**
 * Does the spec read the same in every tool? YAML 1.1 readers (PyYAML, SnakeYAML, Jackson) read
 * `NO`, `on`, `0755` or `1:20` differently from YAML 1.2 ones, and Jackson's tree reader does not
 * expand anchors. `yaml` is the one library here that models both versions and keeps the syntax
 * tree, so the check uses it; parsing for the tools stays in parse.ts.
 */
import { createRequire } from "node:module";
import { isDeepStrictEqual } from "node:util";
import type * as Yaml from "yaml";
import { toPointer } from "./json.js";

const require = createRequire(import.meta.url);
let yamlModule: typeof Yaml | undefined;

/**
 * `yaml`, required on the first check: only spec-check checks, and every thread that imports
 * this package (three of codegen's four) would otherwise load it.
 */
function yaml(): typeof Yaml {
  return (yamlModule ??= require("yaml") as typeof Yaml);
}

export interface PortabilityProblem {
  /** JSON Pointer of the value. */
  pointer: string;
  problem: "yaml-1.1-differs" | "anchor" | "alias";
  detail: string;
}

/** Every value that a YAML 1.1 reader reads differently, and every anchor and alias. */
export function portabilityProblems(text: string): PortabilityProblem[] {
  const { parseDocument, visit } = yaml();
  const problems: PortabilityProblem[] = [];
  const v12 = parseDocument(text, { version: "1.2", schema: "core", uniqueKeys: true });
  const v11 = parseDocument(text, { version: "1.1", uniqueKeys: true });
  visit(v12, {
    Alias(_key, node, path) {
      problems.push({
        pointer: pointerOf(path, node),
        problem: "alias",
        detail: `*${node.source}`,
      });
    },
    Node(_key, node, path) {
      if ("anchor" in node && typeof node.anchor === "string") {
        problems.push({
          pointer: pointerOf(path, node),
          problem: "anchor",
          detail: `&${node.anchor}`,
        });
      }
    },
  });
  const a = v12.toJS({ maxAliasCount: -1 }) as unknown;
  const b = v11.toJS({ maxAliasCount: -1 }) as unknown;
  diffValues(a, b, [], problems);
  return problems;
}

/** The pointer of a node from the ancestors `visit` hands over: pairs carry keys, sequences indexes. */
function pointerOf(path: readonly unknown[], node: unknown): string {
  const { isPair, isScalar, isSeq } = yaml();
  const chain = [...path, node];
  const tokens: string[] = [];
  chain.forEach((ancestor, i) => {
    if (isPair(ancestor)) {
      tokens.push(isScalar(ancestor.key) ? String(ancestor.key.value) : String(ancestor.key));
    } else if (isSeq(ancestor)) {
      tokens.push(String(ancestor.items.indexOf(chain[i + 1] as never)));
    }
  });
  return toPointer(tokens);
}

function diffValues(
  a: unknown,
  b: unknown,
  tokens: string[],
  problems: PortabilityProblem[],
): void {
  if (isDeepStrictEqual(a, b)) return;
  const bothObjects = typeof a === "object" && a !== null && typeof b === "object" && b !== null;
  if (bothObjects && Array.isArray(a) === Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) {
      diffValues(
        (a as Record<string, unknown>)[key],
        (b as Record<string, unknown>)[key],
        [...tokens, key],
        problems,
      );
    }
    return;
  }
  problems.push({
    pointer: toPointer(tokens),
    problem: "yaml-1.1-differs",
    detail: `YAML 1.2 reads ${JSON.stringify(a)}, YAML 1.1 reads ${JSON.stringify(b)}`,
  });
}
