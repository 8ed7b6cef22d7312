#!/usr/bin/env node
// The bin is this committed shim, not dist/cli.js: pnpm links bins at install time, before a
// fresh clone has built dist/.
import { main } from "../dist/cli.js";

process.exitCode = await main(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  cwd: process.cwd(),
});
