// Every ts block of the README compiles under strict, as a user pastes it into a project that has
// the names the surrounding prose gives it (the `webhooks` of the quick start, a Fastify app, a
// logger...). The blocks of "Recipes for other hosts" are checked apart: examples/recipes compiles
// and runs them, and tests that the README shows them character for character.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { compileModules, exportedNames, fencedBlocks, withContext } from "@mehery/docs-check";
import { expect, test } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const readme = readFileSync(join(root, "README.md"), "utf8");

/** The names the prose gives the blocks, as a module each block imports what it uses from. */
const context = `import {
  createNodeMiddleware,
  createWebhooks,
  isXmsWebhooksError,
  WebhookRefusedError,
  type DedupeClaimStore,
} from "@mehery/xms-webhooks";

export { createNodeMiddleware, createWebhooks, isXmsWebhooksError, WebhookRefusedError };
export const verifyToken = process.env.XMS_VERIFY_TOKEN!;
export const webhooks = createWebhooks({ verifyToken });
export declare const request: Request;
export declare const job: { body: string };
export declare const redisStore: DedupeClaimStore;
export declare const log: { warn(...args: unknown[]): void; error(...args: unknown[]): void };
export declare function alertOps(id: string, errors: unknown): void;
export declare const crm: { find(id: string): Promise<{ name: string; id: string } | undefined> };
export declare const queue: { add(name: string, data: unknown, options: object): Promise<unknown> };
export declare function jobIdOf(payload: unknown): string;
/** The part of Fastify the README uses. */
interface FastifyRequest { headers: Record<string, string | string[] | undefined>; body: unknown }
interface FastifyReply { send(body?: unknown): FastifyReply; code(status: number): FastifyReply }
export declare const fastify: {
  post(path: string, handler: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>): void;
};
/** The part of aws-lambda's APIGatewayProxyEvent the README uses. */
export interface APIGatewayProxyEvent {
  body: string | null;
  isBase64Encoded: boolean;
  headers: Record<string, string | undefined>;
}
`;
const globals = `declare const Bun: { serve(options: { port: number; fetch(request: Request): Promise<Response> }): void };
declare const Deno: { serve(handler: (request: Request) => Promise<Response>): void };
`;
/** The ts blocks of the README, but for the recipes (a `<!-- recipe: ... -->` line before them). */
function blocks(): string[] {
  return fencedBlocks(readme)
    .filter((b) => b.info == "ts" && !b.comment?.startsWith("<!-- recipe:"))
    .map((b) => b.code);
}

test("every ts block of the README compiles under strict", { timeout: 120_000 }, () => {
  const found = blocks();
  expect(found.length).toBeGreaterThanOrEqual(12);
  const files: Record<string, string> = { "context.ts": context, "globals.d.ts": globals };
  found.forEach((code, i) => {
    files[`readme-${i + 1}.ts`] = withContext(code, exportedNames(context));
  });
  // In the package, so that the blocks find express, hono and redis in its node_modules.
  const errors = compileModules(files, {
    packageDir: root,
    paths: {
      "@mehery/xms-webhooks": ["src/index.ts"],
      "@mehery/xms-webhooks/redis": ["src/redis.ts"],
    },
  });
  expect(errors).toEqual([]);
});
