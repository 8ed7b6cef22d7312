/**
 * The evidence rule of spec/CORRECTIONS.md: every value the spec enumerates is in the
 * published reference, and everything else it claims beyond the reference is marked
 * `x-inferred: true` with an `x-inferred-reason` (or listed in `x-inferred-values`).
 */
import { isObject, toPointer, type JsonObject } from "./json.js";
import type { PublishedReference } from "./reference.js";
import { listOperations } from "./spec.js";
import { deref } from "./json.js";
import { walkDocument } from "@mehery/xms-spec-model";

/** Strings the reference shows: enumerated values and every quoted string of its examples. */
export function evidencedValues(referenceText: string, reference: PublishedReference): Set<string> {
  const values = new Set<string>();
  for (const schema of reference.schemas) for (const e of schema.enumValues) values.add(e.value);
  for (const match of referenceText.matchAll(/"([^"\n]*)"/g)) values.add(match[1] ?? "");
  return values;
}

/** The response statuses the reference lists in its "Status Meaning Description Schema" tables. */
export function publishedStatuses(referenceText: string): Set<string> {
  const statuses = new Set<string>();
  let inTable = false;
  for (const line of referenceText.split("\n")) {
    if (line.startsWith("Status Meaning Description Schema")) inTable = true;
    else if (inTable && /^\d{3} /.test(line)) statuses.add(line.slice(0, 3));
    else if (line.trim() !== "") inTable = false;
  }
  return statuses;
}

export interface EnumeratedValue {
  value: string;
  /** JSON Pointer of the `enum` or `const`. */
  pointer: string;
}

/** Every string in an `enum` or `const` of the spec (examples and extensions are not walked). */
export function enumeratedValues(node: unknown): EnumeratedValue[] {
  const found: EnumeratedValue[] = [];
  walkDocument(node, (value, path, parent) => {
    if (Array.isArray(parent)) return true;
    const key = path[path.length - 1] as string;
    if (key === "example" || key === "examples" || key.startsWith("x-")) return false;
    if (key === "enum" && Array.isArray(value)) {
      value.forEach((member, i) => {
        if (typeof member === "string") {
          found.push({ value: member, pointer: toPointer([...path, String(i)]) });
        }
      });
      return false;
    }
    if (key === "const" && typeof value === "string") {
      found.push({ value, pointer: toPointer(path) });
    }
    return true;
  });
  return found;
}

/** Every object carrying an `x-inferred*` marker, with its pointer. */
export function inferredMarkers(node: unknown): { pointer: string; node: JsonObject }[] {
  const found: { pointer: string; node: JsonObject }[] = [];
  const mark = (value: unknown, path: readonly string[]): void => {
    if (isObject(value) && Object.keys(value).some((key) => key.startsWith("x-inferred"))) {
      found.push({ pointer: toPointer(path), node: value });
    }
  };
  mark(node, []);
  walkDocument(node, (value, path) => mark(value, path));
  return found;
}

/** What breaks the rule in a marker: `x-inferred` without a reason, an empty reason, ... */
export function markerProblems(spec: JsonObject): string[] {
  const enumerated = new Set(enumeratedValues(spec).map((e) => e.value));
  const problems: string[] = [];
  for (const { pointer, node } of inferredMarkers(spec)) {
    const reason = node["x-inferred-reason"];
    if ("x-inferred" in node && node["x-inferred"] !== true)
      problems.push(`${pointer}: x-inferred must be true`);
    if (node["x-inferred"] === true && (typeof reason !== "string" || reason.trim() === ""))
      problems.push(`${pointer}: x-inferred without an x-inferred-reason`);
    if ("x-inferred-reason" in node && node["x-inferred"] !== true)
      problems.push(`${pointer}: x-inferred-reason without x-inferred: true`);
    const values = node["x-inferred-values"];
    if (values === undefined) continue;
    if (!isObject(values)) {
      problems.push(`${pointer}: x-inferred-values must map each value to its reason`);
      continue;
    }
    for (const [value, why] of Object.entries(values)) {
      if (typeof why !== "string" || why.trim() === "")
        problems.push(`${pointer}: inferred value ${value} has no reason`);
      if (enumerated.has(value))
        problems.push(`${pointer}: inferred value ${value} is also in an enum or const`);
    }
  }
  return problems;
}

/** Each response of an operation whose status the reference never lists and that is not marked inferred. */
export function unmarkedStatuses(spec: JsonObject, published: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  for (const op of listOperations(spec)) {
    const responses = op.operation["responses"];
    if (!isObject(responses)) continue;
    for (const [status, raw] of Object.entries(responses)) {
      if (published.has(status)) continue;
      const response = deref(spec, raw, `${op.pointer}/responses/${status}`).node;
      if (!isObject(response) || response["x-inferred"] !== true)
        problems.push(`${op.label} ${status}: not in the reference and not marked x-inferred`);
    }
  }
  return problems;
}
