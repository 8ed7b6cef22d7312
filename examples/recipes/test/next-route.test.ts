import { VERIFY_TOKEN } from "@mehery/example-test-kit";
import { expect, test } from "vitest";
import { expectSimulatorServed, fetchServer, listen } from "./hosts.js";

// The recipe reads its token from the environment when imported.
process.env.XMS_VERIFY_TOKEN = VERIFY_TOKEN;
const route = await import("../src/next-route.js");

/** What Next.js does with app/webhooks/xms/[...path]/route.ts: POST under the folder → POST(). */
function nextRouter(request: Request): Promise<Response> {
  const { pathname } = new URL(request.url);
  if (!pathname.startsWith("/webhooks/xms/"))
    return Promise.resolve(new Response(null, { status: 404 }));
  if (request.method !== "POST") return Promise.resolve(new Response(null, { status: 405 }));
  return route.POST(request);
}

test("Next.js App Router: both published sub-paths reach the catch-all route and are answered", async () => {
  const server = await listen(fetchServer(nextRouter));
  try {
    const base = `${server.origin}/webhooks/xms/api/v1`;
    await expectSimulatorServed(`${base}/message/receive`, `${base}/contact/info`);
  } finally {
    await server.close();
  }
});

test("Next.js App Router: the route file exports only names Next.js allows in a route", () => {
  expect(Object.keys(route)).toEqual(["POST"]);
});
