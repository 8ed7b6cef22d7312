import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Change } from "../src/change.js";
import { where } from "../src/change.js";
import { loadSpec } from "../src/load.js";
import { diffSpecs } from "../src/walk/document.js";

const FIXTURES = fileURLToPath(new URL("./fixtures/", import.meta.url));

/** `{ before, after }`: the two files of test/fixtures/<name>/. */
export function pair(name: string): { before: string; after: string } {
  return { before: join(FIXTURES, name, "before.yaml"), after: join(FIXTURES, name, "after.yaml") };
}

/** Diffs two spec files. */
export async function diffFiles(before: string, after: string): Promise<Change[]> {
  const [b, a] = await Promise.all([readFile(before, "utf8"), readFile(after, "utf8")]);
  return diffSpecs(await loadSpec(b, before), await loadSpec(a, after));
}

/** What a test checks of a change: its severity, rule and place. */
export interface Seen {
  severity: Change["severity"];
  rule: Change["rule"];
  at: string;
}

export function seen(change: Change): Seen {
  return { severity: change.severity, rule: change.rule, at: where(change) };
}
