/**
 * What `changeset version` does to the dependents of a package, under this repo's
 * .changeset/config.json (independent versions, updateInternalDependencies: patch) and the
 * `workspace:^` ranges the published packages use between each other.
 */
import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, test } from "vitest";
import { run } from "../../src/exec.js";
import { publishedPackages, repoRoot } from "../../src/paths.js";
import { copyWorkspace } from "../../src/workspace-copy.js";

const changesetBin = join(repoRoot, "node_modules/.bin/changeset");
let copy: string;

const versionOf = async (dir: string) =>
  (JSON.parse(await readFile(join(copy, dir, "package.json"), "utf8")) as { version: string })
    .version;

async function versionsAfter(changeset: string): Promise<Record<string, string>> {
  for (const file of await readdir(join(copy, ".changeset"))) {
    if (file.endsWith(".md") && file !== "README.md") await rm(join(copy, ".changeset", file));
  }
  await writeFile(join(copy, ".changeset", "release-test.md"), changeset);
  await run(changesetBin, ["version"], { cwd: copy });
  const versions: Record<string, string> = {};
  for (const pkg of publishedPackages) versions[pkg.name] = await versionOf(pkg.dir);
  return versions;
}

beforeEach(async () => {
  copy = await mkdtemp(join(tmpdir(), "xms-changeset-"));
  await copyWorkspace(copy, { withDist: false });
});

afterEach(async () => {
  await rm(copy, { recursive: true, force: true });
});

test("a minor bump of @mehery/xms-webhook-types also patch-bumps @mehery/xms-webhooks, whose ^ range it leaves", async () => {
  const start: Record<string, string> = {};
  for (const pkg of publishedPackages) start[pkg.name] = await versionOf(pkg.dir);
  const [major, minor] = start["@mehery/xms-webhook-types"]!.split(".").map(Number);
  const [wMajor, wMinor, wPatch] = start["@mehery/xms-webhooks"]!.split(".").map(Number);

  const versions = await versionsAfter(
    '---\n"@mehery/xms-webhook-types": minor\n---\n\nA new event.\n',
  );

  // Versions are independent: the two packages that do not depend on it keep theirs.
  expect(versions).toEqual({
    ...start,
    "@mehery/xms-webhook-types": `${String(major)}.${String((minor ?? 0) + 1)}.0`,
    "@mehery/xms-webhooks": `${String(wMajor)}.${String(wMinor)}.${String((wPatch ?? 0) + 1)}`,
  });
  const webhooks = await readFile(join(copy, "packages/webhooks/CHANGELOG.md"), "utf8");
  expect(webhooks).toContain(
    `- Updated dependencies\n  - @mehery/xms-webhook-types@${versions["@mehery/xms-webhook-types"]!}`,
  );
});

test("a patch bump of @mehery/xms-types leaves every other package's version alone", async () => {
  const start: Record<string, string> = {};
  for (const pkg of publishedPackages) start[pkg.name] = await versionOf(pkg.dir);
  const [major, minor, patch] = start["@mehery/xms-types"]!.split(".").map(Number);

  const versions = await versionsAfter('---\n"@mehery/xms-types": patch\n---\n\nA doc fix.\n');

  expect(versions).toEqual({
    ...start,
    "@mehery/xms-types": `${String(major)}.${String(minor)}.${String((patch ?? 0) + 1)}`,
  });
});
