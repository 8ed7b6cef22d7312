import type { PackagePlan } from "./bump.js";
import { type Change, where } from "./change.js";
import { SEVERITIES, type Severity } from "./rules.js";

/** Changes that say the same thing (same rule, detail and schema) at several places. */
export interface ChangeGroup {
  first: Change;
  places: string[];
}

/** Groups the changes of one severity, so a shared schema's change is one entry with its places. */
export function groupChanges(changes: Change[]): ChangeGroup[] {
  const groups = new Map<string, ChangeGroup>();
  for (const change of changes) {
    const key = JSON.stringify([
      change.severity,
      change.rule,
      change.detail,
      change.schema,
      change.why,
    ]);
    const group = groups.get(key);
    if (group) {
      if (!group.places.includes(where(change))) group.places.push(where(change));
    } else {
      groups.set(key, { first: change, places: [where(change)] });
    }
  }
  return [...groups.values()];
}

export function count(changes: Change[]): Record<Severity, number> {
  const out: Record<Severity, number> = { breaking: 0, feature: 0, fix: 0 };
  for (const change of changes) out[change.severity] += 1;
  return out;
}

/** `2 breaking, 1 feature`: distinct changes (a shared schema's change counts once). */
export function countLine(changes: Change[]): string {
  const c = count(groupChanges(changes).map((g) => g.first));
  return SEVERITIES.filter((s) => c[s] > 0)
    .map((s) => `${c[s]} ${s}`)
    .join(", ");
}

const MAX_PLACES = 6;

function renderGroup(group: ChangeGroup): string[] {
  const { first, places } = group;
  const inSchema = first.schema ? ` [${first.schema}]` : "";
  const side = first.direction ? `, ${first.direction}` : "";
  const lines = [
    `  - ${places[0]}${inSchema}: ${first.detail}`,
    `      ${first.severity}: ${first.why} (${first.rule}${side})`,
  ];
  const others = places.slice(1);
  if (others.length > 0) {
    const shown = others.slice(0, MAX_PLACES);
    const more = others.length - shown.length;
    lines.push(
      `      also at ${others.length} more: ${shown.join("; ")}${more > 0 ? `; and ${more} more` : ""}`,
    );
  }
  return lines;
}

function renderPlan(plan: PackagePlan): string {
  if (plan.version === undefined || plan.bump === undefined) {
    return `  ${plan.name}: worst change ${plan.severity}, but the package is not in packages/: left out of the changeset`;
  }
  const zero = plan.version.startsWith("0.") ? `; in 0.x, ${plan.severity} → ${plan.bump}` : "";
  return `  ${plan.name}@${plan.version}: ${plan.bump} (worst change ${plan.severity}${zero})`;
}

/** The readable report: changes by severity (each with where, what and why), then the bumps. */
export function renderReport(changes: Change[], plans: PackagePlan[], title: string): string {
  if (changes.length === 0) return `${title}: no changes.\n`;
  const groups = groupChanges(changes).length;
  const places = changes.length > groups ? `, at ${changes.length} places` : "";
  const lines = [
    `${title}: ${groups} change${groups === 1 ? "" : "s"} (${countLine(changes)})${places}`,
  ];
  for (const severity of SEVERITIES) {
    const mine = changes.filter((c) => c.severity === severity);
    if (mine.length === 0) continue;
    const groups = groupChanges(mine);
    lines.push("", `${severity.toUpperCase()} (${groups.length})`);
    for (const group of groups) lines.push(...renderGroup(group));
  }
  lines.push("", "Packages");
  if (plans.length === 0)
    lines.push("  none: no published package's generated code shows these changes");
  else if (plans.every((p) => p.bump === undefined))
    lines.push("  (none of them is in packages/ yet)");
  for (const plan of plans) lines.push(renderPlan(plan));
  return `${lines.join("\n")}\n`;
}
