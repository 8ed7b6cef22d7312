// @ts-check
// Entry for Node and Bun as CommonJS: `<runtime> cjs.cjs <mock server URL>`. The packages come
// from require() (their .cjs builds); only the shared smoke code is loaded with import().
const clientModule = require("@mehery/xms-client");
const webhooksModule = require("@mehery/xms-webhooks");

async function main() {
  const baseUrl = process.argv[2];
  if (baseUrl === undefined) throw new Error("usage: cjs.cjs <mock server URL>");
  const { clientSmoke, webhooksSmoke } = await import("./core.mjs");
  const result = {
    client: await clientSmoke(clientModule, baseUrl),
    webhooks: await webhooksSmoke(webhooksModule),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((/** @type {unknown} */ error) => {
  process.stderr.write(`${String(error)}\n`);
  process.exitCode = 1;
});
