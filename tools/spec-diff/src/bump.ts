import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Change } from "./change.js";
import type { PackageName } from "./packages.js";
import { type Severity, worse } from "./rules.js";

export type Bump = "major" | "minor" | "patch";

/**
 * The semver bump a change of `severity` calls for in a package at `version`.
 *
 * From 1.0.0 on: breaking → major, feature → minor, fix → patch. Below 1.0.0 semver makes no
 * promise, and the convention (npm's caret ranges: ^0.1.0 accepts 0.1.x only) is that the minor
 * is the breaking digit: breaking → minor, feature and fix → patch. Changesets bumps what it is
 * told (a `major` on 0.1.0 would give 1.0.0), so the 0.x mapping is applied here, before the
 * changeset is written. Leaving 0.x is a deliberate act: write a `major` changeset by hand.
 */
export function bumpFor(severity: Severity, version: string): Bump {
  const major = Number.parseInt(version.split(".")[0] ?? "0", 10);
  if (major === 0) return severity === "breaking" ? "minor" : "patch";
  return severity === "breaking" ? "major" : severity === "feature" ? "minor" : "patch";
}

export interface PackagePlan {
  name: PackageName;
  /** Its version in packages/, or undefined when the repository has no such package yet. */
  version: string | undefined;
  /** The worst change that reaches it. */
  severity: Severity;
  /** undefined when the package is not in the repository (it cannot be bumped). */
  bump: Bump | undefined;
}

/** One plan per package that any change reaches: bump = max over its changes. */
export function planBumps(changes: Change[], versions: Map<string, string>): PackagePlan[] {
  const plans = new Map<PackageName, PackagePlan>();
  for (const change of changes) {
    for (const name of change.packages) {
      const plan = plans.get(name);
      if (plan) {
        plan.severity = worse(plan.severity, change.severity);
      } else {
        plans.set(name, {
          name,
          version: versions.get(name),
          severity: change.severity,
          bump: undefined,
        });
      }
    }
  }
  for (const plan of plans.values()) {
    plan.bump = plan.version === undefined ? undefined : bumpFor(plan.severity, plan.version);
  }
  return [...plans.values()].sort((x, y) => x.name.localeCompare(y.name));
}

/** name → version of every packages/<dir>/package.json under `repoRoot`. */
export async function readVersions(repoRoot: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  let dirs: string[];
  try {
    dirs = await readdir(join(repoRoot, "packages"));
  } catch {
    return out;
  }
  for (const dir of dirs.sort()) {
    let text: string;
    try {
      text = await readFile(join(repoRoot, "packages", dir, "package.json"), "utf8");
    } catch {
      continue;
    }
    const pkg = JSON.parse(text) as { name?: unknown; version?: unknown };
    if (typeof pkg.name === "string" && typeof pkg.version === "string") {
      out.set(pkg.name, pkg.version);
    }
  }
  return out;
}
