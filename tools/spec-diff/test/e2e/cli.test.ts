import { execFile } from "node:child_process";
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { main } from "../../src/cli.js";

const run = promisify(execFile);
const REPO = fileURLToPath(new URL("../../../../", import.meta.url));

let repo: string;

async function git(...args: string[]): Promise<void> {
  await run(
    "git",
    ["-c", "user.name=spec-diff test", "-c", "user.email=test@example.invalid", ...args],
    {
      cwd: repo,
    },
  );
}

async function pkg(folder: string, name: string, version: string): Promise<void> {
  await mkdir(join(repo, "packages", folder), { recursive: true });
  await writeFile(
    join(repo, "packages", folder, "package.json"),
    JSON.stringify({ name, version }),
  );
}

/** Replaces `from` by `to` in the temp repo's spec; fails if `from` is not there. */
async function edit(from: string, to: string): Promise<void> {
  const path = join(repo, "spec", "openapi.yaml");
  const text = await readFile(path, "utf8");
  expect(text).toContain(from);
  await writeFile(path, text.replace(from, to));
}

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, {
    out: (t) => (out += t),
    err: (t) => (err += t),
    cwd: join(repo, "packages", "types"),
  });
  return { code, out, err };
}

async function changesets(): Promise<string[]> {
  const files = await readdir(join(repo, ".changeset")).catch(() => []);
  return files.filter((f) => f.startsWith("spec-"));
}

/** A copy of the repository's real spec in a fresh git repository, with the four packages. */
beforeEach(async () => {
  repo = await mkdtemp(join(tmpdir(), "spec-diff-e2e-"));
  await mkdir(join(repo, "spec"));
  await copyFile(join(REPO, "spec", "openapi.yaml"), join(repo, "spec", "openapi.yaml"));
  await copyFile(join(REPO, ".prettierrc.json"), join(repo, ".prettierrc.json"));
  await pkg("types", "@mehery/xms-types", "0.1.0");
  await pkg("client", "@mehery/xms-client", "0.1.0");
  await pkg("webhook-types", "@mehery/xms-webhook-types", "0.1.0");
  await pkg("webhooks", "@mehery/xms-webhooks", "0.1.0");
  await git("init", "-q");
  await git("add", ".");
  await git("commit", "-q", "-m", "base");
});

afterEach(async () => {
  await rm(repo, { recursive: true, force: true });
});

const OUTBOUND_TEXT = `    OutBoundMsgText:
      type: object
      required: [body]
      properties:
`;
const PREVIEW_URL = `${OUTBOUND_TEXT}        preview_url:
          type: boolean
          description: Show a preview of the first URL in the body.
`;
const STATUS_CODES = "enum: [READ, DLVRD, SENT, FAILD, DELTD]";

const FEATURE_CHANGESET = `---
"@mehery/xms-client": patch
"@mehery/xms-types": patch
"@mehery/xms-webhook-types": patch
"@mehery/xms-webhooks": patch
---

API spec changes since \`HEAD\` (2 feature), from \`pnpm spec:diff\`.

**Features**

- \`POST /api/v1/message/send › request body › <type=text>.text.preview_url\` (\`OutBoundMsgText\`): optional property "preview_url" added.
- \`webhook messageNotification › request body › statuses[].status\` (\`InBoundMsgStatusCode\`): enum value "DELTD" removed.
`;

describe("xms-spec-diff on the real spec", () => {
  test("an optional field on OutBoundMsgText and an enum value removed from a webhook status write one changeset of patches (0.x)", async () => {
    await edit(OUTBOUND_TEXT, PREVIEW_URL);
    await edit(STATUS_CODES, "enum: [READ, DLVRD, SENT, FAILD]");

    const { code, out } = await cli();

    expect(code).toBe(0);
    const files = await changesets();
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^spec-[0-9a-f]{8}\.md$/);
    expect(await readFile(join(repo, ".changeset", files[0]!), "utf8")).toBe(FEATURE_CHANGESET);
    expect(out).toContain("2 changes (2 feature)");
    expect(out).toContain("FEATURE (2)");
    expect(out).toContain(
      '  - webhook messageNotification › request body › statuses[].status [InBoundMsgStatusCode]: enum value "DELTD" removed\n' +
        "      feature: the user is handed fewer values than before; the generated union shrinks (enum-value-removed, receive)\n",
    );
    expect(out).toContain(
      "@mehery/xms-types@0.1.0: patch (worst change feature; in 0.x, feature → patch)",
    );
    expect(out).toContain(`Wrote .changeset/${files[0]}.`);
  });

  test("a property removed from a request is a minor in 0.x and a major from 1.0, for the request's packages only", async () => {
    await pkg("client", "@mehery/xms-client", "1.2.0");
    await edit(
      `        caption:
          type: string
          description: Caption of the media.
`,
      "",
    );

    const { code, out } = await cli();

    expect(code).toBe(0);
    const [file] = await changesets();
    const text = await readFile(join(repo, ".changeset", file!), "utf8");
    expect(text.split("---")[1]).toBe(
      '\n"@mehery/xms-client": major\n"@mehery/xms-types": minor\n',
    );
    expect(text).toContain("**Breaking**");
    expect(text).toContain(
      '- `POST /api/v1/message/send › request body › <type=image>.image.caption` (`OutBoundMsgMedia`): property "caption" removed (and 3 other places).',
    );
    expect(out).toContain("BREAKING (1)");
    expect(out).toContain(
      "also at 3 more: POST /api/v1/message/send › request body › <type=video>.video.caption;",
    );
  });

  test("a description-only change is a patch of the types alone", async () => {
    await edit("description: Message text.", "description: The text of the message.");

    await cli();

    const [file] = await changesets();
    const text = await readFile(join(repo, ".changeset", file!), "utf8");
    expect(text).toContain('---\n"@mehery/xms-types": patch\n---');
    expect(text).toContain("**Fixes**");
  });

  test("--dry-run prints the changeset and writes nothing", async () => {
    await edit(OUTBOUND_TEXT, PREVIEW_URL);

    const { code, out } = await cli("--dry-run");

    expect(code).toBe(0);
    expect(out).toMatch(/Changeset \(dry run, not written\) \.changeset\/spec-[0-9a-f]{8}\.md:/);
    expect(out).toContain('"@mehery/xms-client": patch');
    expect(await changesets()).toEqual([]);
  });

  test("no change says so and writes nothing", async () => {
    const { code, out } = await cli();

    expect(code).toBe(0);
    expect(out).toBe("spec/openapi.yaml, HEAD → working tree: no changes. Nothing written.\n");
    expect(await changesets()).toEqual([]);
  });

  test("a base ref compares that commit with the working tree", async () => {
    await edit(OUTBOUND_TEXT, PREVIEW_URL);
    await edit(STATUS_CODES, "enum: [READ, DLVRD, SENT, FAILD]");
    await git("commit", "-q", "-am", "edit the spec");

    expect((await cli()).out).toContain("no changes");
    const { out } = await cli("HEAD~1", "--dry-run");
    expect(out).toContain("spec/openapi.yaml, HEAD~1 → working tree: 2 changes (2 feature)");
  });

  test("an unknown ref fails with exit code 1 and says which ref", async () => {
    const { code, err } = await cli("no-such-ref");

    expect(code).toBe(1);
    expect(err).toContain('cannot read spec/openapi.yaml at "no-such-ref"');
    expect(await changesets()).toEqual([]);
  });

  test("--help prints the usage with every flag and exits 0", async () => {
    const { code, out } = await cli("--help");

    expect(code).toBe(0);
    expect(out).toContain("Usage: xms-spec-diff [base-ref] [--dry-run]");
  });

  test.each([[["--dry-rn"]], [["main", "HEAD"]]])(
    "%j is refused with exit code 2 and the usage, writing nothing",
    async (argv) => {
      const { code, err } = await cli(...argv);

      expect(code).toBe(2);
      expect(err).toContain("Usage: xms-spec-diff");
      expect(await changesets()).toEqual([]);
    },
  );
});
