import { access, mkdir, mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { resources } from "@mehery/xms-client";
import { loadSpecModel } from "@mehery/xms-spec-model";
import { build, SPEC } from "../scripts/build.mjs";
import { codeSamples } from "../scripts/code-samples.mjs";
import { listOperations } from "./operations.js";
import { serve, type StaticServer } from "./serve.js";

const PKG = fileURLToPath(new URL("../", import.meta.url));
const SCREENSHOT = join(PKG, "artifacts", "reference.png");

/** Debian's Chromium; this test never downloads a browser. */
const CHROMIUM = "/usr/bin/chromium";
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const operations = listOperations(SPEC);
/** operationId → the client call its x-codeSamples entry makes, e.g. `xms.messages.send`. */
const sampleCalls = new Map(
  [...codeSamples(loadSpecModel({ specPath: SPEC }).document, resources)].map(([id, source]) => [
    id,
    /await (xms\.\w+\.\w+)\(/.exec(source)?.[1] ?? "",
  ]),
);

let server: StaticServer;
let site: string;
let page_: string;
let profile: string;
let context: BrowserContext;
let page: Page;
/** Every request the page tried to make to a host other than 127.0.0.1 (all were aborted). */
const offsite: string[] = [];

function startsWith(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`);
}

/** The level-2 headings of the page, as shown (a webhook's carries a "Webhook" badge). */
async function headings(): Promise<string[]> {
  return (await page.getByRole("heading", { level: 2 }).allInnerTexts()).map((t) => t.trim());
}

beforeAll(async () => {
  await access(CHROMIUM).catch(() => {
    throw new Error(
      `${CHROMIUM} is missing: install Debian's Chromium (apt-get install -y chromium)`,
    );
  });
  // Built into a directory of its own: a concurrent `pnpm build` rewrites dist/.
  site = await mkdtemp(join(tmpdir(), "xms-docs-site-"));
  page_ = await build(site);
  server = await serve(site);
  profile = await mkdtemp(join(tmpdir(), "xms-docs-chromium-"));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1440, height: 900 },
  });
  await context.route("**/*", async (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === "127.0.0.1") return route.continue();
    offsite.push(url.href);
    return route.abort("blockedbyclient");
  });
  page = context.pages()[0] ?? (await context.newPage());
}, 180_000);

afterAll(async () => {
  await context?.close();
  await server?.close();
  if (profile) await rm(profile, { recursive: true, force: true });
  if (site) await rm(site, { recursive: true, force: true });
});

describe("the reference page", () => {
  test("is one self-contained HTML file: Redoc inlined, no remote script, style or image", async () => {
    const html = await readFile(page_, "utf8");
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toMatch(/<script[^>]*\ssrc=/i);
    expect(html).not.toMatch(/<link[^>]*\shref=["']?(https?:)?\/\//i);
    expect(html).not.toContain("cdn.redoc.ly");
    expect(html.length).toBeGreaterThan(500_000); // the inlined Redoc bundle
  });

  test("opens on the API's title and overview; a screenshot is saved to artifacts/", async () => {
    await page.goto(server.url);
    await page.getByRole("heading", { level: 1, name: "XMS Messaging API (1.0)" }).waitFor();
    await mkdir(dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    const png = await readFile(SCREENSHOT);
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect((await stat(SCREENSHOT)).size).toBeGreaterThan(10_000);
    expect(server.served).toContain("/");
    expect(offsite).toEqual([]);
  });

  test("lists every operation and both webhooks of the spec", () => {
    expect(operations.filter((o) => o.kind === "webhook").map((o) => o.operationId)).toEqual([
      "messageNotification",
      "contactInfoRequest",
    ]);
    expect(operations.filter((o) => o.kind === "operation").length).toBeGreaterThan(0);
  });

  test.each(operations.map((o) => [`${o.operationId} (${o.summary})`, o] as const))(
    "renders %s from its sidebar entry",
    async (_name, op) => {
      await page.goto(server.url);
      const menu = page.locator('[data-component-name="Menu/Menu"]');
      await menu.getByText(op.tag, { exact: true }).click();
      await menu.getByRole("link", { name: startsWith(op.summary) }).click();
      await page
        .getByRole("heading", { level: 2 })
        .filter({ hasText: op.summary })
        .first()
        .waitFor();
      expect((await headings()).some((h) => h.startsWith(op.summary))).toBe(true);
      // Operations show their method and path; webhooks their name (the operationId) and a badge.
      const identity = op.kind === "operation" ? op.key : op.operationId;
      await page.getByText(identity, { exact: true }).first().waitFor();
      if (op.kind === "webhook") await page.getByText("Webhook", { exact: true }).first().waitFor();
      // Operations show their TypeScript call (x-codeSamples) in the right-hand panel.
      if (op.kind === "operation") {
        const call = sampleCalls.get(op.operationId);
        expect(call).toMatch(/^xms\./);
        await page.getByText(call!).first().waitFor({ timeout: 10_000 });
      }
      expect(offsite).toEqual([]);
    },
  );

  test("never tried to reach a host other than 127.0.0.1", () => {
    expect(server.served.length).toBeGreaterThan(operations.length);
    expect(offsite).toEqual([]);
  });
});
