// @ts-check
// Builds dist/index.html, a self-contained HTML reference of spec/openapi.yaml, with Redocly
// CLI's `build-docs` (Redoc 3, which renders OpenAPI 3.1 webhooks).
//
// Offline by construction: `--inlineBundle` embeds Redoc's script instead of loading it from
// Redocly's CDN, telemetry is off (redocly.yaml, and the env below), and the one remote asset
// Redoc 3 still loads at view time, the Redocly logo in the sidebar footer, is replaced by an
// inline SVG. The build fails if that logo URL is not found (a Redocly upgrade moved it: look
// again) or if any markup still points a script, style sheet, image or frame at a remote URL.
// test/reference.test.ts proves it in a browser that may only reach 127.0.0.1.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { resources } from "@mehery/xms-client";
import { readSpec } from "@mehery/xms-spec-model";
import { withCodeSamples } from "./code-samples.mjs";

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));
const pkgDir = join(here, "..");
const repoRoot = join(pkgDir, "..", "..");

export const SPEC = join(repoRoot, "spec", "openapi.yaml");
export const DIST = join(pkgDir, "dist");

/** The Redocly logos Redoc 3 loads from its CDN (sidebar footer, "API docs by"). */
const REMOTE_LOGOS = [
  "https://cdn.redoc.ly/redoc/logo-mini-full.svg",
  "https://cdn.redoc.ly/redoc/logo-mini.svg",
];
const LOCAL_LOGO =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='52' height='12'%3E%3Ctext x='0' y='10' font-family='sans-serif' font-size='10'%3ERedocly%3C/text%3E%3C/svg%3E";

/** Markup that loads a resource from another host: `<script src="http…">`, `<link href="//…">`, ... */
const REMOTE_MARKUP =
  /<(?:script|link|img|iframe|source|video|audio)\b[^>]*\s(?:src|href|srcset)=["']?(?:https?:)?\/\//gi;

/**
 * Runs `redocly build-docs` and makes the result self-contained.
 * @param {string} [outDir] where to write index.html (emptied first); dist/ by default
 * @returns {Promise<string>} the path of the page written
 */
export async function build(outDir = DIST) {
  const require = createRequire(import.meta.url);
  const cli = join(dirname(require.resolve("@redocly/cli/package.json")), "bin", "cli.js");
  const output = join(outDir, "index.html");
  await rm(outDir, { recursive: true, force: true });
  // The spec with each operation's TypeScript call (x-codeSamples), written beside nothing else:
  // the spec has only internal $refs, so the copy resolves as the original does.
  const work = await mkdtemp(join(tmpdir(), "xms-docs-spec-"));
  const spec = join(work, "openapi.yaml");
  // JSON is YAML: Redocly reads it, and no YAML writer is needed here.
  await writeFile(spec, JSON.stringify(withCodeSamples(readSpec(SPEC), resources), null, 2));
  await run(
    process.execPath,
    [
      cli,
      "build-docs",
      spec,
      "--config",
      join(pkgDir, "redocly.yaml"),
      "--inlineBundle",
      "--title",
      "XMS Messaging API reference",
      "--output",
      output,
    ],
    {
      cwd: pkgDir,
      env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  await rm(work, { recursive: true, force: true });
  let html = await readFile(output, "utf8");
  for (const logo of REMOTE_LOGOS) {
    if (!html.includes(logo)) {
      throw new Error(`xms-docs: Redoc no longer references ${logo}; re-check what the page loads`);
    }
    html = html.replaceAll(logo, LOCAL_LOGO);
  }
  const remote = html.match(REMOTE_MARKUP);
  if (remote) throw new Error(`xms-docs: the page loads remote resources: ${remote.join(", ")}`);
  await writeFile(output, html);
  return output;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const path = await build();
  process.stdout.write(`xms-docs: wrote ${path}\n`);
}
