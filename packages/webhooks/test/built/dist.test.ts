/** The built package (run `pnpm build` first; turbo does): what users install. */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import type * as Api from "../../src/index.js";
import {
  contactInfoExample,
  notificationExamples,
  textExample,
  TOKEN,
  webhookRequest,
} from "../helpers/requests.js";

const dist = (file: string) => fileURLToPath(new URL(`../../dist/${file}`, import.meta.url));
const builds = ["index.js", "index.cjs"] as const;

function read(file: string): string {
  if (!existsSync(dist(file))) throw new Error(`dist/${file} is missing: run \`pnpm build\` first`);
  return readFileSync(dist(file), "utf8");
}

/** Every module a built file imports or requires. */
function imports(source: string): string[] {
  const patterns = [
    /^\s*(?:import|export)\s[^;]*?\bfrom\s*["']([^"']+)["']/gm,
    /^\s*import\s*["']([^"']+)["']/gm,
    /\b(?:require|import)\(\s*["']([^"']+)["']\s*\)/g,
  ];
  const found = new Set<string>();
  for (const pattern of patterns) {
    for (const match of source.matchAll(pattern)) found.add(match[1]!);
  }
  return [...found].sort();
}

async function load(file: (typeof builds)[number]): Promise<typeof Api> {
  read(file);
  return file.endsWith(".cjs")
    ? (createRequire(import.meta.url)(dist(file)) as typeof Api)
    : ((await import(/* @vite-ignore */ dist(file))) as typeof Api);
}

describe("the built package", () => {
  test.each(builds)(
    "dist/%s imports nothing from ajv (the validators are self-contained)",
    (file) => {
      const source = read(file);
      expect(imports(source).filter((name) => name.includes("ajv"))).toEqual([]);
      expect(source).not.toMatch(/["']ajv(?:\/[^"']*)?["']/);
    },
  );

  test.each(builds)("dist/%s imports only @mehery/xms-webhook-types", (file) => {
    expect(imports(read(file))).toEqual(["@mehery/xms-webhook-types"]);
  });

  test("dist/cli.js is an ESM module exporting main(), which the bin shim calls", async () => {
    const cli = (await import(/* @vite-ignore */ dist("cli.js"))) as {
      main: (
        argv: string[],
        io: { out: (text: string) => void; err: (text: string) => void; cwd: string },
      ) => Promise<number>;
    };
    let out = "";
    const io = { out: (text: string) => void (out += text), err: () => {}, cwd: process.cwd() };
    expect(await cli.main(["--help"], io)).toBe(0);
    expect(out).toMatch(/^Usage: xms-webhooks simulate/);
  });

  describe.each(builds)("dist/%s", (file) => {
    test("answers the spec's examples with 200 and the contact-info request with an answer", async () => {
      const { createWebhooks } = await load(file);
      const webhooks = createWebhooks({ verifyToken: TOKEN, validate: "strict", dedupe: true });
      let items = 0;
      webhooks.onAny(() => void items++);
      webhooks.onContactInfo(() => ({ name: "Jane" }));
      for (const [, example] of notificationExamples) {
        expect((await webhooks.handle(webhookRequest(example))).status).toBe(200);
      }
      expect(items).toBe(8);
      const asked = await webhooks.handle(webhookRequest(contactInfoExample));
      expect(await asked.json()).toEqual({ name: "Jane" });
    });

    test("answers every failure status of the policy", async () => {
      const { createWebhooks, WebhookPayloadError, isXmsWebhooksError } = await load(file);
      const webhooks = createWebhooks({ verifyToken: TOKEN, maxBodyBytes: 4096 });
      webhooks.on("action", () => {
        throw new Error("boom");
      });
      const status = async (request: Request) => (await webhooks.handle(request)).status;
      expect(await status(webhookRequest(textExample, { method: "PUT" }))).toBe(405);
      expect(
        await status(webhookRequest(textExample, { headers: { "x-verify-token": "x" } })),
      ).toBe(401);
      expect(
        await status(webhookRequest(textExample, { headers: { "content-type": "text/plain" } })),
      ).toBe(415);
      expect(await status(webhookRequest({ pad: "x".repeat(5000) }))).toBe(413);
      expect(await status(webhookRequest("{"))).toBe(400);
      expect(await status(webhookRequest({ messages: [{ id: 1 }] }))).toBe(400);
      expect(
        await status(webhookRequest(notificationExamples.find(([n]) => n === "action")![1])),
      ).toBe(500);
      const error = await webhooks.receive({ type: [5] }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WebhookPayloadError);
      expect(isXmsWebhooksError(error)).toBe(true);
    });
  });
});
