/**
 * The release configuration agrees with itself: .changeset/config.json, the root scripts, the
 * packages' `private` flags, .ci/run and the GitHub workflows (which cannot run here, so this is
 * where their YAML is parsed and their commands checked against the scripts they call).
 */
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { parseYaml } from "@mehery/xms-spec-model";
import { repoRoot } from "../../src/paths.js";

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}
interface Workflow {
  on: { push?: { branches?: string[] }; pull_request?: unknown };
  permissions?: Record<string, string>;
  jobs: Record<
    string,
    { steps: Step[]; strategy?: { matrix?: Record<string, unknown> }; container?: unknown }
  >;
}
interface RootManifest {
  packageManager: string;
  scripts: Record<string, string>;
  devDependencies: Record<string, string>;
}

const read = (path: string) => readFile(join(repoRoot, path), "utf8");
const readJson = async <T>(path: string) => JSON.parse(await read(path)) as T;
const workflow = async (name: string) =>
  parseYaml(await read(`.github/workflows/${name}`), name) as Workflow;
const steps = (flow: Workflow) => Object.values(flow.jobs).flatMap((job) => job.steps);
const runLines = (flow: Workflow) =>
  steps(flow).flatMap((step) =>
    (step.run ?? "")
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean),
  );

const root = readJson<RootManifest>("package.json");
const pnpmVersion = root.then((manifest) => manifest.packageManager.replace(/^pnpm@/, ""));

/** Every workspace package folder under `group` (packages, tools, examples) with its manifest. */
async function workspacePackages(
  group: string,
): Promise<{ dir: string; manifest: Record<string, unknown> }[]> {
  const entries = await readdir(join(repoRoot, group), { withFileTypes: true }).catch(() => []);
  const found: { dir: string; manifest: Record<string, unknown> }[] = [];
  for (const entry of entries.filter((e) => e.isDirectory())) {
    const manifest = await readJson<Record<string, unknown>>(
      `${group}/${entry.name}/package.json`,
    ).catch(() => undefined);
    if (manifest) found.push({ dir: `${group}/${entry.name}`, manifest });
  }
  return found;
}

describe(".changeset/config.json", () => {
  test("versions each package on its own, publishes publicly from main, and never versions or tags private packages", async () => {
    const config = await readJson<Record<string, unknown>>(".changeset/config.json");
    expect(config).toMatchObject({
      fixed: [],
      linked: [],
      access: "public",
      baseBranch: "main",
      privatePackages: { version: false, tag: false },
    });
  });

  test("every package under tools/ and examples/ is private, and every package under packages/ is public", async () => {
    const internal = [
      ...(await workspacePackages("tools")),
      ...(await workspacePackages("examples")),
    ];
    expect(internal.length).toBeGreaterThan(0);
    for (const { dir, manifest } of internal) expect(manifest["private"], dir).toBe(true);
    const published = await workspacePackages("packages");
    expect(published.map(({ manifest }) => manifest["name"]).sort()).toEqual([
      "@mehery/xms-client",
      "@mehery/xms-types",
      "@mehery/xms-webhook-types",
      "@mehery/xms-webhooks",
    ]);
    for (const { dir, manifest } of published) {
      expect(manifest["private"], dir).toBeUndefined();
      expect(manifest["publishConfig"], dir).toEqual({ access: "public" });
    }
  });
});

describe("root scripts", () => {
  test("`changeset`, `version-packages` and `release` run the changesets CLI the root pins", async () => {
    const { scripts, devDependencies } = await root;
    expect(devDependencies["@changesets/cli"]).toMatch(/^\d+\.\d+\.\d+$/);
    expect(scripts["changeset"]).toBe("changeset");
    expect(scripts["version-packages"]).toContain("changeset version");
    expect(scripts["release"]).toMatch(/turbo run build && changeset publish$/);
  });
});

describe(".github/workflows/ci.yml", () => {
  test("runs what .ci/run runs: the pinned pnpm, a frozen install, then `pnpm test:all`", async () => {
    const flow = await workflow("ci.yml");
    const lines = runLines(flow);
    const version = await pnpmVersion;
    expect(lines).toContain(`npm i -g pnpm@${version}`);
    expect(lines).toContain("pnpm install --frozen-lockfile");
    expect(lines).toContain("pnpm test:all");
    expect((await root).scripts["test:all"]).toBeDefined();

    const ciRun = await read(".ci/run");
    expect(ciRun).toContain(`npm i -g pnpm@${version}`);
    expect(ciRun).toContain("pnpm install --frozen-lockfile");
    expect(ciRun).toContain("pnpm test:all");
  });

  test("tests on Node 20, 22 and 24, with Chromium for the runtime matrix", async () => {
    const flow = await workflow("ci.yml");
    const job = flow.jobs["test"];
    expect(job?.strategy?.matrix?.["node"]).toEqual([20, 22, 24]);
    const setupNode = steps(flow).find((step) => step.uses?.startsWith("actions/setup-node@"));
    expect(setupNode?.with?.["node-version"]).toBe("${{ matrix.node }}");
    expect(runLines(flow).some((line) => /apt-get install .*\bchromium\b/.test(line))).toBe(true);
    expect(flow.on.push?.branches).toEqual(["main"]);
    expect(flow.on.pull_request).toBeDefined();
  });
});

describe(".github/workflows/release.yml", () => {
  test("runs changesets/action on main: `pnpm version-packages` for the version PR, `pnpm release` to publish", async () => {
    const flow = await workflow("release.yml");
    const config = await readJson<{ baseBranch: string }>(".changeset/config.json");
    expect(flow.on.push?.branches).toEqual([config.baseBranch]);
    const action = steps(flow).find((step) => step.uses?.startsWith("changesets/action@"));
    expect(action?.uses).toBe("changesets/action@v1");
    expect(action?.with?.["version"]).toBe("pnpm version-packages");
    expect(action?.with?.["publish"]).toBe("pnpm release");
    const { scripts } = await root;
    expect(scripts["version-packages"]).toBeDefined();
    expect(scripts["release"]).toBeDefined();
    expect(runLines(flow)).toContain(`npm i -g pnpm@${await pnpmVersion}`);
    expect(runLines(flow)).toContain("pnpm install --frozen-lockfile");
  });

  test("publishes with provenance, with only the permissions that needs", async () => {
    const flow = await workflow("release.yml");
    expect(flow.permissions).toEqual({
      contents: "write",
      "pull-requests": "write",
      "id-token": "write",
    });
    const action = steps(flow).find((step) => step.uses?.startsWith("changesets/action@"));
    expect(action?.env?.["NPM_CONFIG_PROVENANCE"]).toBe(true);
    expect(action?.env?.["NPM_TOKEN"]).toBe("${{ secrets.NPM_TOKEN }}");
    expect(action?.env?.["GITHUB_TOKEN"]).toBe("${{ secrets.GITHUB_TOKEN }}");
  });
});
