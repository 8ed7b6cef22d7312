import { createHash } from "node:crypto";
import type { PackagePlan } from "./bump.js";
import type { Change } from "./change.js";
import { countLine, groupChanges } from "./report.js";
import { SEVERITIES } from "./rules.js";

const HEADINGS = { breaking: "Breaking", feature: "Features", fix: "Fixes" } as const;

/** `.changeset/spec-<8 hex of the new spec>.md`: re-running on the same edit rewrites one file. */
export function changesetFileName(afterText: string): string {
  return `spec-${createHash("sha256").update(afterText).digest("hex").slice(0, 8)}.md`;
}

/**
 * The changeset: frontmatter with one bump per package that is in the repository, then a
 * summary of the changes by severity (this text goes into each package's CHANGELOG).
 * Undefined when no package is to be bumped.
 */
export function renderChangeset(
  changes: Change[],
  plans: PackagePlan[],
  baseRef: string,
): string | undefined {
  const bumps = plans.filter((p) => p.bump !== undefined);
  if (bumps.length === 0) return undefined;
  const lines = ["---", ...bumps.map((p) => `"${p.name}": ${p.bump}`), "---", ""];
  lines.push(
    `API spec changes since \`${baseRef}\` (${countLine(changes)}), from \`pnpm spec:diff\`.`,
  );
  for (const severity of SEVERITIES) {
    const mine = changes.filter((c) => c.severity === severity);
    if (mine.length === 0) continue;
    lines.push("", `**${HEADINGS[severity]}**`, "");
    for (const { first, places } of groupChanges(mine)) {
      const more =
        places.length > 1
          ? ` (and ${places.length - 1} other place${places.length === 2 ? "" : "s"})`
          : "";
      const inSchema = first.schema ? ` (\`${first.schema}\`)` : "";
      lines.push(`- \`${places[0]}\`${inSchema}: ${first.detail}${more}.`);
    }
  }
  return `${lines.join("\n")}\n`;
}
