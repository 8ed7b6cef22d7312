#!/usr/bin/env node
// The bin is a committed shim so that pnpm can link it before dist/ is built.
import { main } from "../dist/cli.js";

const stop = new AbortController();
for (const signal of ["SIGINT", "SIGTERM"]) process.once(signal, () => stop.abort());
process.exitCode = await main(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  signal: stop.signal,
});
