import { createServer } from "node:http";
import { VERIFY_TOKEN } from "@mehery/example-test-kit";
import { expect, test } from "vitest";
import { expectSimulatorServed, listen } from "./hosts.js";

// The recipe reads its token from the environment when imported.
process.env.XMS_VERIFY_TOKEN = VERIFY_TOKEN;
const { app } = await import("../src/koa.js");

test("Koa 3: the simulator's deliveries to /webhooks get 200 (401 with a wrong token) and reach the handler once", async () => {
  const server = await listen(createServer(app.callback()));
  try {
    await expectSimulatorServed(`${server.origin}/webhooks`);
  } finally {
    await server.close();
  }
});

test("Koa 3: paths outside /webhooks go on to the app's next middleware", async () => {
  app.use((ctx) => {
    ctx.body = { ok: true };
  });
  const server = await listen(createServer(app.callback()));
  try {
    const response = await fetch(`${server.origin}/health`);
    expect(await response.json()).toEqual({ ok: true });
  } finally {
    await server.close();
  }
});
