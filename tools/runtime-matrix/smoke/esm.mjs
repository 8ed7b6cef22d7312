// @ts-check
// Entry for Node, Bun and Deno as ES modules: `<runtime> esm.mjs <mock server URL>`.
import * as clientModule from "@mehery/xms-client";
import * as webhooksModule from "@mehery/xms-webhooks";
import { clientSmoke, webhooksSmoke } from "./core.mjs";

const baseUrl = process.argv[2];
if (baseUrl === undefined) throw new Error("usage: esm.mjs <mock server URL>");
const result = {
  client: await clientSmoke(clientModule, baseUrl),
  webhooks: await webhooksSmoke(webhooksModule),
};
process.stdout.write(`${JSON.stringify(result)}\n`);
