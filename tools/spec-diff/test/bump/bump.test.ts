import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { type Bump, bumpFor, planBumps, readVersions } from "../../src/bump.js";
import type { Change } from "../../src/change.js";
import type { PackageName } from "../../src/packages.js";
import type { Severity } from "../../src/rules.js";

const cases: [string, { severity: Severity; version: string; want: Bump }][] = [
  ["breaking in 1.x is a major", { severity: "breaking", version: "1.4.2", want: "major" }],
  ["feature in 1.x is a minor", { severity: "feature", version: "1.4.2", want: "minor" }],
  ["fix in 1.x is a patch", { severity: "fix", version: "1.4.2", want: "patch" }],
  ["breaking in 0.x is a minor", { severity: "breaking", version: "0.1.0", want: "minor" }],
  ["feature in 0.x is a patch", { severity: "feature", version: "0.1.0", want: "patch" }],
  ["fix in 0.x is a patch", { severity: "fix", version: "0.3.7", want: "patch" }],
  [
    "a 0.x prerelease follows the 0.x rule",
    { severity: "breaking", version: "0.2.0-next.1", want: "minor" },
  ],
];

describe("bumpFor", () => {
  test.each(cases)("%s", (_name, { severity, version, want }) => {
    expect(bumpFor(severity, version)).toBe(want);
  });
});

function change(severity: Severity, packages: PackageName[]): Change {
  return {
    rule: "docs-changed",
    severity,
    direction: "send",
    location: "POST /x",
    part: undefined,
    path: undefined,
    schema: undefined,
    detail: "",
    why: "",
    packages,
  };
}

describe("planBumps", () => {
  test("a package is bumped by the worst change that reaches it", () => {
    const plans = planBumps(
      [
        change("fix", ["@mehery/xms-types", "@mehery/xms-client"]),
        change("breaking", ["@mehery/xms-types"]),
        change("feature", ["@mehery/xms-client"]),
      ],
      new Map([
        ["@mehery/xms-types", "1.0.0"],
        ["@mehery/xms-client", "1.0.0"],
      ]),
    );
    expect(plans.map((p) => [p.name, p.severity, p.bump])).toEqual([
      ["@mehery/xms-client", "feature", "minor"],
      ["@mehery/xms-types", "breaking", "major"],
    ]);
  });

  test("a package not in the repository gets no bump", () => {
    const plans = planBumps([change("feature", ["@mehery/xms-webhooks"])], new Map());
    expect(plans).toEqual([
      { name: "@mehery/xms-webhooks", version: undefined, severity: "feature", bump: undefined },
    ]);
  });

  test("changes that reach no package plan nothing", () => {
    expect(planBumps([change("fix", [])], new Map())).toEqual([]);
  });
});

describe("readVersions", () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test("reads name and version of every packages/*/package.json", async () => {
    dir = await mkdtemp(join(tmpdir(), "spec-diff-versions-"));
    for (const [folder, pkg] of [
      ["types", { name: "@mehery/xms-types", version: "0.1.0" }],
      ["client", { name: "@mehery/xms-client", version: "2.3.4" }],
      ["broken", { description: "no name" }],
    ] as const) {
      await mkdir(join(dir, "packages", folder), { recursive: true });
      await writeFile(join(dir, "packages", folder, "package.json"), JSON.stringify(pkg));
    }
    await mkdir(join(dir, "packages", "empty"));
    expect(await readVersions(dir)).toEqual(
      new Map([
        ["@mehery/xms-client", "2.3.4"],
        ["@mehery/xms-types", "0.1.0"],
      ]),
    );
  });
});
