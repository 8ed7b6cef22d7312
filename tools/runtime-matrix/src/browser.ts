import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { MockServer } from "@mehery/xms-mock-server";
import { build } from "esbuild";
import { chromium } from "playwright-core";
import { problemsIn, type SmokeResult } from "./checks.js";
import { packageRoot } from "./install.js";
import { mockProblems, type Row } from "./smoke.js";

/** Debian's Chromium (`apt-get install chromium`). Playwright never downloads a browser here. */
export const chromiumPath = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";

const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Bundles smoke/browser.mjs and the ESM build of the client it imports, as a bundler user would. */
async function bundleSmoke(): Promise<string> {
  const output = await build({
    entryPoints: [join(packageRoot, "smoke/browser.mjs")],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  const file = output.outputFiles[0];
  if (file === undefined) throw new Error("esbuild produced no bundle");
  return file.text;
}

/** Serves the page and its bundle from 127.0.0.1; the mock is another origin, so CORS applies. */
async function servePage(
  script: string,
  mockUrl: string,
): Promise<{ url: string; server: Server }> {
  const html = `<!doctype html><meta charset="utf-8"><title>xms runtime matrix</title>
<script>window.XMS_BASE_URL = ${JSON.stringify(mockUrl)};</script>
<script type="module" src="/smoke.js"></script>`;
  const server = createServer((request, response) => {
    if (request.url === "/")
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html);
    else if (request.url === "/smoke.js")
      response.writeHead(200, { "content-type": "text/javascript; charset=utf-8" }).end(script);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

/** Runs the client smoke in headless Chromium; the webhook handler is server-side, so not here. */
export async function runBrowserSmoke(mock: MockServer): Promise<Row> {
  const started = performance.now();
  const since = mock.requests.length;
  const page = await servePage(await bundleSmoke(), mock.url);
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
  });
  const version = browser.version();
  const problems: string[] = [];
  let result: SmokeResult | undefined;
  try {
    const tab = await browser.newPage();
    tab.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    await tab.goto(page.url);
    await tab.waitForFunction(() => "smokeResult" in globalThis, undefined, { timeout: 30_000 });
    const outcome = (await tab.evaluate(
      () => (globalThis as { smokeResult?: unknown }).smokeResult,
    )) as
      | { ok: true; client: NonNullable<SmokeResult["client"]>; refusesWithoutOptIn: boolean }
      | { ok: false; error: string };
    if (outcome.ok) {
      result = { client: outcome.client };
      if (!outcome.refusesWithoutOptIn)
        problems.push("createClient() ran in a browser without dangerouslyAllowBrowser");
    } else problems.push(`the smoke test threw: ${outcome.error}`);
  } finally {
    await browser.close();
    page.server.close();
  }
  if (result !== undefined)
    problems.push(...problemsIn(result, ["client"]), ...mockProblems(mock, since));
  return {
    runtime: "Chromium (headless)",
    version,
    format: "esm bundle",
    parts: ["client"],
    ok: problems.length === 0,
    ms: performance.now() - started,
    problems,
    ...(result ? { result } : {}),
  };
}
