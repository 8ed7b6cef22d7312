import { relative } from "node:path";
import { parseArgs } from "node:util";
import { createMockHandler } from "./handler.js";
import { isLoopback } from "./host.js";
import { listen, type MockServer } from "./server.js";
import { defaultSpecPath } from "./spec.js";

/** Where a CLI writes, and the directory it runs in: the one convention of the repo's CLIs. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly cwd: string;
  /** Closes the server when aborted (the bin aborts on SIGINT and SIGTERM). */
  readonly signal?: AbortSignal | undefined;
  /** Called with the server once it listens. */
  readonly onListening?: ((server: MockServer) => void) | undefined;
}

const usage = `Usage: xms-mock-server [--port 4010] [--host 127.0.0.1] [--spec path/to/openapi.yaml]

Serves spec/openapi.yaml: every request is validated against it (both auth headers, query,
JSON body) and answered with the spec's example; an off-spec request gets a 400 naming the field.

  --port <n>     port to listen on (default 4010; 0 picks a free one)
  --host <addr>  address to listen on (default 127.0.0.1). Only this flag can name an address
                 that is not loopback, and then the mock is reachable from the network.
  --spec <path>  OpenAPI document to serve (default: spec/openapi.yaml of this repository)
  --help         print this help`;

/**
 * Parses the arguments, starts the mock and prints its URL; resolves to the exit code once the
 * server has closed (on `io.signal`), or at once on --help (0), bad arguments (2) or a spec that
 * cannot be served (1). `bin/xms-mock-server.js` runs it.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
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
    io.err(`${error instanceof Error ? error.message : String(error)}\n${usage}\n`);
    return 2;
  }
  if (values.help === true) {
    io.out(`${usage}\n`);
    return 0;
  }
  const port = values.port === undefined ? 4010 : Number(values.port);
  if (!/^\d+$/.test(values.port ?? "4010") || port > 65535) {
    io.err(`--port must be an integer from 0 to 65535, not ${values.port}\n`);
    return 2;
  }
  const host = values.host ?? "127.0.0.1";
  if (host.trim() === "") {
    io.err("--host must name an address\n");
    return 2;
  }
  const spec = values.spec ?? defaultSpecPath;
  const started = performance.now();
  let server: MockServer;
  try {
    const handler = await createMockHandler({ spec });
    server = await listen({ handler, host, port, log: (line) => io.out(`${line}\n`) });
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const ready = Math.round(performance.now() - started);
  io.out(
    `XMS mock server listening on ${server.url} (${relative(io.cwd, spec) || spec}, ready in ${ready} ms)\n`,
  );
  if (!isLoopback(host)) {
    io.err(`warning: ${host} is not a loopback address; the mock is reachable from the network\n`);
  }
  io.onListening?.(server);
  // Without a signal the mock serves until the process ends.
  if (io.signal?.aborted !== true) {
    await new Promise((resolve) => io.signal?.addEventListener("abort", resolve, { once: true }));
  }
  await server.close();
  return 0;
}
