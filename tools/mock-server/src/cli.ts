import { relative } from "node:path";
import { parseArgs } from "node:util";
import { createMockHandler } from "./handler.js";
import { isLoopback } from "./host.js";
import { listen, type MockServer } from "./server.js";
import { defaultSpecPath } from "./spec.js";

export interface CliIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

/** The server when it listens, or the exit code when the CLI stops at once (help, bad arguments). */
export type CliResult = { readonly server: MockServer } | { readonly exitCode: number };

const usage = `Usage: xms-mock-server [--port 4010] [--host 127.0.0.1] [--spec path/to/openapi.yaml]

Serves spec/openapi.yaml: every request is validated against it (both auth headers, query,
JSON body) and answered with the spec's example; an off-spec request gets a 400 naming the field.

  --port <n>     port to listen on (default 4010; 0 picks a free one)
  --host <addr>  address to listen on (default 127.0.0.1). Only this flag can name an address
                 that is not loopback, and then the mock is reachable from the network.
  --spec <path>  OpenAPI document to serve (default: spec/openapi.yaml of this repository)
  --help         print this help`;

/** Parses the arguments, starts the mock and prints its URL; `bin/xms-mock-server.js` runs it. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<CliResult> {
  let values: {
    port?: string | undefined;
    host?: string | undefined;
    spec?: string | undefined;
    help?: boolean | undefined;
  };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        port: { type: "string", short: "p" },
        host: { type: "string" },
        spec: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    io.err(error instanceof Error ? error.message : String(error));
    io.err(usage);
    return { exitCode: 2 };
  }
  if (values.help === true) {
    io.out(usage);
    return { exitCode: 0 };
  }
  const port = values.port === undefined ? 4010 : Number(values.port);
  if (!/^\d+$/.test(values.port ?? "4010") || port > 65535) {
    io.err(`--port must be an integer from 0 to 65535, not ${values.port}`);
    return { exitCode: 2 };
  }
  const host = values.host ?? "127.0.0.1";
  if (host.trim() === "") {
    io.err("--host must name an address");
    return { exitCode: 2 };
  }
  const spec = values.spec ?? defaultSpecPath;
  const started = performance.now();
  let server: MockServer;
  try {
    const handler = await createMockHandler({ spec });
    server = await listen({ handler, host, port, log: io.out });
  } catch (error) {
    io.err(error instanceof Error ? error.message : String(error));
    return { exitCode: 1 };
  }
  const ready = Math.round(performance.now() - started);
  io.out(
    `XMS mock server listening on ${server.url} (${relative(process.cwd(), spec) || spec}, ready in ${ready} ms)`,
  );
  if (!isLoopback(host)) {
    io.err(`warning: ${host} is not a loopback address; the mock is reachable from the network`);
  }
  return { server };
}
