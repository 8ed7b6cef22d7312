#!/usr/bin/env node
// The bin is a committed shim so that pnpm can link it before dist/ is built.
import { runCli } from "../dist/cli.js";

const result = await runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
if ("exitCode" in result) {
  process.exitCode = result.exitCode;
} else {
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.once(signal, () => void result.server.close());
  }
}
