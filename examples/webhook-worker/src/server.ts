import { fileURLToPath } from "node:url";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import { build } from "esbuild";
import { Miniflare } from "miniflare";

export interface StartOptions {
  /** Default 3000; 0 picks a free port. */
  port?: number;
  /** Default: `XMS_VERIFY_TOKEN`. */
  verifyToken?: string;
  /** Where the Worker's console.log lines go. Default: console.log. */
  log?: (line: string) => void;
}

export interface Receiver {
  /** The webhook URL, e.g. http://127.0.0.1:3000/webhooks. */
  url: string;
  close(): Promise<void>;
}

/**
 * Bundles src/worker.ts (or the given source, a test's own Worker) and what it imports into one
 * ES module, as `wrangler deploy` does.
 */
export async function bundleWorker(source?: string): Promise<string> {
  const output = await build({
    ...(source === undefined
      ? { entryPoints: [fileURLToPath(new URL("worker.ts", import.meta.url))] }
      : { stdin: { contents: source, resolveDir: fileURLToPath(new URL(".", import.meta.url)) } }),
    bundle: true,
    format: "esm",
    platform: "browser",
    conditions: ["workerd", "worker", "browser"],
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  const file = output.outputFiles[0];
  if (file === undefined) throw new Error("esbuild produced no bundle");
  return file.text;
}

/** Calls `onLine` with each line of `stream`. */
function eachLine(stream: Readable, onLine: (line: string) => void): void {
  createInterface({ input: stream, crlfDelay: Infinity }).on("line", onLine);
}

export interface RunOptions {
  port?: number;
  /** The Worker's `env`: its vars and secrets. */
  bindings: Record<string, string>;
  log?: (line: string) => void;
  /** A Worker's source to run instead of src/worker.ts (a test's own Worker). */
  source?: string;
  /** E.g. `["nodejs_compat"]`. Default: none. */
  compatibilityFlags?: string[];
}

/**
 * Runs the bundled Worker in workerd (the runtime of Cloudflare Workers, shipped in the
 * `workerd` npm package) through Miniflare, on 127.0.0.1. Nothing leaves the machine.
 */
export async function runWorker({
  port = 3000,
  bindings,
  log = console.log,
  source,
  compatibilityFlags = [],
}: RunOptions): Promise<Receiver> {
  const worker = new Miniflare({
    modules: [{ type: "ESModule", path: "worker.js", contents: await bundleWorker(source) }],
    compatibilityDate: "2026-04-01",
    compatibilityFlags,
    bindings,
    host: "127.0.0.1",
    port,
    // Offline: no request.cf fetched from Cloudflare, no telemetry.
    cf: false,
    telemetry: { enabled: false },
    handleRuntimeStdio(stdout: Readable, stderr: Readable) {
      eachLine(stdout, log);
      eachLine(stderr, (line) => console.error(line));
    },
  });
  const origin = await worker.ready;
  return {
    url: new URL("/webhooks", origin).href,
    close: () => worker.dispose(),
  };
}

/** The Worker with `env.XMS_VERIFY_TOKEN` set, at http://127.0.0.1:<port>/webhooks. */
export async function start(options: StartOptions = {}): Promise<Receiver> {
  const verifyToken = options.verifyToken ?? process.env.XMS_VERIFY_TOKEN;
  if (!verifyToken) throw new Error("set XMS_VERIFY_TOKEN to the webhook verification token");
  return runWorker({
    port: options.port,
    bindings: { XMS_VERIFY_TOKEN: verifyToken },
    log: options.log,
  });
}
