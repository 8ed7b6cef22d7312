/**
 * The whole release, end to end, on this machine: a changeset is versioned, the four packages are
 * published to a local Verdaccio, and a fresh npm project installs, compiles and runs them.
 *
 * Traffic for @mehery/* stays on 127.0.0.1: the registry has no uplinks, and the consumer's
 * .npmrc routes the @mehery scope to it. Only third-party packages (openapi-fetch, typescript,
 * @types/node) come from the npm registry this machine is configured with; the lockfile check
 * in the install test proves which registry served what.
 */
import { cp, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startMockServer, type MockServer } from "@mehery/xms-mock-server";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { cleanEnv, run } from "../../src/exec.js";
import { publishedPackages, repoRoot, type PublishedPackageName } from "../../src/paths.js";
import {
  downloadTarball,
  fetchPackument,
  listTarball,
  readTarballManifest,
} from "../../src/registry-client.js";
import { startLocalRegistry, type LocalRegistry } from "../../src/verdaccio.js";
import { copyWorkspace } from "../../src/workspace-copy.js";

interface Manifest {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

const bumped = "@mehery/xms-webhook-types";
const sampleChangeset = "release-test-sample.md";
const sampleSummary = "Release test: a patch change to the webhook payload types.";

let work: string;
let copy: string;
let consumer: string;
let registry: LocalRegistry;
let mock: MockServer;
/** Each published package's manifest in the copy before `changeset version`, by name. */
const before = new Map<
  PublishedPackageName,
  { raw: string; manifest: Manifest; changelog: string | undefined }
>();

const readText = (path: string) => readFile(path, "utf8");
const readOptional = (path: string) => readFile(path, "utf8").catch(() => undefined);
const readManifest = async (dir: string) =>
  JSON.parse(await readText(join(dir, "package.json"))) as Manifest;
const git = (...args: string[]) =>
  run("git", ["-c", "user.name=release-test", "-c", "user.email=release-test@localhost", ...args], {
    cwd: copy,
  });

/** The environment of the publishing commands: only the local registry, with a token npm insists on. */
async function publishEnv(): Promise<NodeJS.ProcessEnv> {
  const userconfig = join(work, "publish.npmrc");
  await writeFile(
    userconfig,
    [
      `registry=${registry.url}`,
      `${registry.nerfDart}:_authToken=release-test-placeholder`,
      "",
    ].join("\n"),
  );
  return cleanEnv({ npm_config_userconfig: userconfig, npm_config_registry: registry.url });
}

/** Patch bump of a plain x.y.z version. */
function nextPatch(version: string): string {
  const [major, minor, patch] = version.split(".").map(Number);
  return `${String(major)}.${String(minor)}.${String((patch ?? 0) + 1)}`;
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "xms-release-"));
  copy = join(work, "repo");
  consumer = join(work, "consumer");
  [registry, mock] = await Promise.all([startLocalRegistry(), startMockServer({ port: 0 })]);

  await copyWorkspace(copy);
  // Pending changesets in the repo are notes for a real, future release. This test releases
  // exactly one changeset, so it takes the others out (in the throw-away copy only).
  for (const file of await readdir(join(copy, ".changeset"))) {
    if (file.endsWith(".md") && file !== "README.md") await rm(join(copy, ".changeset", file));
  }
  await writeFile(
    join(copy, ".changeset", sampleChangeset),
    `---\n"${bumped}": patch\n---\n\n${sampleSummary}\n`,
  );
  await git("add", "--all");
  await git(
    "commit",
    "--quiet",
    "--no-gpg-sign",
    "--allow-empty",
    "--message",
    "release-test: one pending changeset",
  );
  for (const pkg of publishedPackages) {
    const dir = join(copy, pkg.dir);
    const raw = await readText(join(dir, "package.json"));
    before.set(pkg.name, {
      raw,
      manifest: JSON.parse(raw) as Manifest,
      changelog: await readOptional(join(dir, "CHANGELOG.md")),
    });
  }
  // Installing links the workspace packages into each other's node_modules, which `pnpm publish`
  // reads to turn `workspace:^` into a version. Offline: the store already holds every package.
  await run("pnpm", ["install", "--offline", "--frozen-lockfile", "--ignore-scripts"], {
    cwd: copy,
  });
});

afterAll(async () => {
  await Promise.all([registry?.close(), mock?.close()]);
  // XMS_RELEASE_TEST_KEEP=1 leaves the copy and the consumer project behind, to look into.
  if (process.env["XMS_RELEASE_TEST_KEEP"] === "1")
    process.stderr.write(`release test files kept in ${work}\n`);
  else if (work) await rm(work, { recursive: true, force: true });
});

describe("a release of one patch changeset", () => {
  test(`changeset version moves only ${bumped}: its version, its CHANGELOG.md, and the changeset file`, async () => {
    await run("pnpm", ["exec", "changeset", "version"], { cwd: copy });

    const { stdout } = await git("status", "--porcelain", "--untracked-files=all");
    const changed = stdout
      .split("\n")
      .filter((line) => line !== "")
      .map((line) => line.slice(3))
      .sort();
    expect(changed).toEqual(
      [
        `.changeset/${sampleChangeset}`,
        "packages/webhook-types/CHANGELOG.md",
        "packages/webhook-types/package.json",
      ].sort(),
    );
    await expect(stat(join(copy, ".changeset", sampleChangeset))).rejects.toThrow();

    const dir = join(copy, "packages/webhook-types");
    const previous = before.get(bumped)!;
    const manifest = await readManifest(dir);
    expect(manifest.version).toBe(nextPatch(previous.manifest.version));
    expect({ ...manifest, version: previous.manifest.version }).toEqual(previous.manifest);
    // The default changelog names the commit that added the changeset, by its first 7 digits.
    const { stdout: commit } = await git(
      "log",
      "-1",
      "--format=%H",
      "--",
      `.changeset/${sampleChangeset}`,
    );
    const changelog = await readText(join(dir, "CHANGELOG.md"));
    expect(changelog).toContain(
      `## ${manifest.version}\n\n### Patch Changes\n\n- ${commit.trim().slice(0, 7)}: ${sampleSummary}\n`,
    );
    if (previous.changelog !== undefined)
      expect(changelog.endsWith(previous.changelog.replace(/^# .*\n/, ""))).toBe(true);

    // @mehery/xms-webhooks depends on it as `workspace:^`; ^0.1.0 still covers the patch, so
    // changesets (updateInternalDependencies: patch) leaves the dependent's range and version
    // alone: the dependent's published range picks up the patch by itself. (A bump out of
    // range would patch-bump the dependent too: see changeset-dependents.test.ts.)
    for (const pkg of publishedPackages.filter((p) => p.name !== bumped)) {
      expect(await readText(join(copy, pkg.dir, "package.json"))).toBe(before.get(pkg.name)!.raw);
    }
  });

  test("changeset publish puts all four on the local registry, `workspace:` ranges rewritten to the released versions", async () => {
    const env = await publishEnv();
    await run("pnpm", ["exec", "changeset", "publish"], { cwd: copy, env });

    const versions = new Map<string, string>();
    for (const pkg of publishedPackages)
      versions.set(pkg.name, (await readManifest(join(copy, pkg.dir))).version);
    expect(versions.get(bumped)).toBe(nextPatch(before.get(bumped)!.manifest.version));

    const downloads = join(work, "downloads");
    await mkdir(downloads, { recursive: true });
    for (const pkg of publishedPackages) {
      const version = versions.get(pkg.name)!;
      const packument = await fetchPackument(registry.url, pkg.name);
      expect(packument["dist-tags"]).toEqual({ latest: version });
      expect(Object.keys(packument.versions)).toEqual([version]);

      const tarball = await downloadTarball(packument.versions[version]!.dist.tarball, downloads);
      const published = await readTarballManifest(tarball);
      expect(JSON.stringify(published)).not.toContain("workspace:");
      const source = await readManifest(join(copy, pkg.dir));
      for (const field of ["dependencies", "peerDependencies", "optionalDependencies"] as const) {
        for (const [dep, range] of Object.entries(source[field] ?? {})) {
          const want = range.startsWith("workspace:")
            ? workspaceRange(range, versions.get(dep) ?? "(not a published workspace package)")
            : range;
          expect(
            (published[field] as Record<string, string> | undefined)?.[dep],
            `${pkg.name} ${field}.${dep}`,
          ).toBe(want);
        }
      }
      const files = await listTarball(tarball);
      for (const file of [
        "dist/index.js",
        "dist/index.cjs",
        "dist/index.d.ts",
        "dist/index.d.cts",
        "README.md",
      ]) {
        expect(files, `${pkg.name} tarball`).toContain(file);
      }
      if (pkg.name === bumped) expect(files).toContain("CHANGELOG.md");
    }
    const webhooks = await fetchPackument(registry.url, "@mehery/xms-webhooks");
    expect(webhooks.versions[versions.get("@mehery/xms-webhooks")!]!.dependencies?.[bumped]).toBe(
      `^${versions.get(bumped)!}`,
    );

    const { stdout: tags } = await git("tag", "--list");
    expect(tags.split("\n").filter(Boolean).sort()).toEqual(
      publishedPackages.map((pkg) => `${pkg.name}@${versions.get(pkg.name)!}`).sort(),
    );
  });

  test("npm installs @mehery/xms-client and @mehery/xms-webhooks in a fresh project: @mehery/* from 127.0.0.1, the rest from the public registry", async () => {
    const { stdout: configured } = await run("npm", ["config", "get", "registry"], { cwd: work });
    const publicRegistry = configured.trim();
    expect(publicRegistry).not.toContain("127.0.0.1");

    await mkdir(join(consumer, "src"), { recursive: true });
    const fixture = join(repoRoot, "tools/release-test/fixtures/consumer");
    for (const name of ["consumer.mts", "consumer.cts", "consumer.ts"]) {
      await cp(join(fixture, "consumer.ts"), join(consumer, "src", name));
    }
    await cp(join(fixture, "tsconfig.node16.json"), join(consumer, "tsconfig.node16.json"));
    await cp(join(fixture, "tsconfig.bundler.json"), join(consumer, "tsconfig.bundler.json"));
    await writeFile(
      join(consumer, "package.json"),
      JSON.stringify({ name: "xms-release-consumer", private: true, type: "module" }, null, 2),
    );
    await writeFile(
      join(consumer, ".npmrc"),
      [
        `@mehery:registry=${registry.url}`,
        `registry=${publicRegistry}`,
        // Recorded so the lockfile shows where each package came from.
        "omit-lockfile-registry-resolved=false",
        "audit=false",
        "fund=false",
        "update-notifier=false",
        "",
      ].join("\n"),
    );
    const client = (await readManifest(join(copy, "packages/client"))).version;
    const webhooks = (await readManifest(join(copy, "packages/webhooks"))).version;
    await run(
      "npm",
      [
        "install",
        "--save-exact",
        `@mehery/xms-client@${client}`,
        `@mehery/xms-webhooks@${webhooks}`,
        "typescript@5.9.3",
        "@types/node@20.19.43",
      ],
      { cwd: consumer, timeoutMs: 150_000 },
    );

    const lock = JSON.parse(await readText(join(consumer, "package-lock.json"))) as {
      packages: Record<string, { version?: string; resolved?: string }>;
    };
    const entries = Object.entries(lock.packages).filter(([path]) => path !== "");
    const ours = entries.filter(([path]) => path.includes("node_modules/@mehery/"));
    expect(ours.map(([path]) => path).sort()).toEqual(
      expect.arrayContaining([
        "node_modules/@mehery/xms-client",
        "node_modules/@mehery/xms-webhooks",
        `node_modules/${bumped}`,
      ]),
    );
    for (const [path, entry] of ours)
      expect(entry.resolved, path).toMatch(new RegExp(`^${registry.url}`));
    for (const [path, entry] of entries.filter(([p]) => !p.includes("node_modules/@mehery/"))) {
      expect(entry.resolved, path).not.toContain("127.0.0.1");
    }
    expect(lock.packages[`node_modules/${bumped}`]?.version).toBe(
      nextPatch(before.get(bumped)!.manifest.version),
    );
  });

  // node16 compiles with skipLibCheck off, so an error in a published .d.ts/.d.cts fails here;
  // bundler with it on, as bundler projects usually are (and it is 4 times faster).
  test.each([
    ["node16", "tsconfig.node16.json", ["dist-node16/consumer.mjs", "dist-node16/consumer.cjs"]],
    ["bundler", "tsconfig.bundler.json", ["dist-bundler/consumer.js"]],
  ])(
    "a strict TypeScript consumer compiles with moduleResolution %s",
    async (_mode, tsconfig, outputs) => {
      await run(join(consumer, "node_modules/.bin/tsc"), ["-p", tsconfig], { cwd: consumer });
      for (const output of outputs)
        await expect(stat(join(consumer, output))).resolves.toBeTruthy();
    },
  );

  test.each([
    ["ESM (node16 .mjs)", "dist-node16/consumer.mjs"],
    ["CommonJS (node16 .cjs)", "dist-node16/consumer.cjs"],
    ["ESM (bundler .js)", "dist-bundler/consumer.js"],
  ])(
    "the consumer runs as %s: lists channels, sends a message, and handles webhooks",
    async (_format, entry) => {
      const seen = mock.requests.length;
      const { stdout } = await run(process.execPath, [entry], {
        cwd: consumer,
        env: cleanEnv({ XMS_BASE_URL: mock.url }),
      });
      const result = JSON.parse(stdout) as {
        channels: unknown;
        receipt: unknown;
        accepted: number;
        rejected: number;
        viaNode: number;
        texts: string[];
      };
      // The mock validates each request against the spec and answers with the spec's examples.
      expect(mock.requests.slice(seen)).toEqual([
        { method: "GET", path: "/api/v1/config/channels", status: 200 },
        { method: "POST", path: "/api/v1/message/send", status: 200 },
      ]);
      expect(JSON.stringify(result.channels)).toContain("wa360:918828218374");
      expect(JSON.stringify(result.receipt)).toContain("gBEGkYiEB1VXAglK1ZEqA1YKPrU");
      expect(result.accepted).toBe(200);
      expect(result.rejected).toBe(401);
      expect(result.viaNode).toBe(200);
      expect(result.texts).toEqual([
        "Hi, where is my order? (wamsg-1)",
        "Hi, where is my order? (wamsg-3)",
      ]);
    },
  );
});

/** What pnpm publishes for a `workspace:` range, given the dependency's version. */
function workspaceRange(range: string, version: string): string {
  const spec = range.slice("workspace:".length);
  if (spec === "*") return version;
  if (spec === "^" || spec === "~") return `${spec}${version}`;
  return spec;
}
