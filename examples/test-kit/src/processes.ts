import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The environment of the developer's shell, less every XMS_* and PORT variable. */
function cleanEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base = Object.entries(process.env).filter(
    ([name]) => !name.startsWith("XMS_") && name !== "PORT",
  );
  return { ...Object.fromEntries(base), ...env };
}

export interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

function collect(child: ChildProcessWithoutNullStreams): Promise<Exit> {
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** The `xms-webhooks` bin of @mehery/xms-webhooks, found through its package.json. */
function simulatorPath(): string {
  const manifest = createRequire(import.meta.url).resolve("@mehery/xms-webhooks/package.json");
  const { bin } = JSON.parse(readFileSync(manifest, "utf8")) as { bin: Record<string, string> };
  return join(dirname(manifest), bin["xms-webhooks"] ?? "dist/cli.js");
}

/** Runs `xms-webhooks simulate --url <url> --token <token> ...args` and waits for it to exit. */
export function simulate(url: string, token: string, ...args: string[]): Promise<Exit> {
  const child = spawn(
    process.execPath,
    [simulatorPath(), "simulate", "--url", url, "--token", token, ...args],
    { env: cleanEnv({}) },
  );
  return collect(child);
}

/** The `-> status` line of each request the simulator made, and the answer of contact.info. */
export function statuses(stdout: string): string[] {
  return stdout
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => line.replace(/ \{.*\}$/, ""));
}

/** The JSON the receiver answered the contact.info request with. */
export function contactInfoAnswers(stdout: string): unknown[] {
  return stdout
    .split("\n")
    .map((line) => /^contact\.info(?: \(duplicate\))? -> 200 (\{.*\})$/.exec(line)?.[1])
    .filter((json) => json !== undefined)
    .map((json) => JSON.parse(json) as unknown);
}

/** The example, run as `pnpm start` runs it (`tsx src/main.ts`), and what it printed so far. */
export interface RunningExample {
  child: ChildProcessWithoutNullStreams;
  /** Every line printed to stdout so far. */
  lines: string[];
  /** Resolves with the index of the first line from `from` on that equals `line`. */
  waitForLine(line: string | RegExp, from?: number): Promise<number>;
  /** Resolves once it exited. */
  exited: Promise<Exit>;
}

/**
 * Starts the example in `dir` (its package directory, as a path or a `file:` URL) the way
 * `pnpm start` does, with `env` on top of the developer's environment less XMS_* and PORT.
 * `script` is another of its entry points (e.g. a queue worker's).
 */
export function startExample(
  dir: string | URL,
  env: Record<string, string>,
  script = "src/main.ts",
): RunningExample {
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    cwd: typeof dir === "string" ? dir : fileURLToPath(dir),
    env: cleanEnv(env),
  });
  const lines: string[] = [];
  const waiters = new Set<() => void>();
  let partial = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    const parts = (partial + chunk).split("\n");
    partial = parts.pop() ?? "";
    lines.push(...parts);
    for (const wake of waiters) wake();
  });
  const exited = collect(child);
  return {
    child,
    lines,
    exited,
    waitForLine(line, from = 0) {
      const find = () =>
        lines.findIndex(
          (l, i) => i >= from && (typeof line === "string" ? l === line : line.test(l)),
        );
      return new Promise((resolve, reject) => {
        const check = () => {
          const index = find();
          if (index === -1) return;
          waiters.delete(check);
          resolve(index);
        };
        waiters.add(check);
        check();
        void exited.then(() => {
          if (waiters.delete(check)) {
            reject(
              new Error(`the example exited before printing ${String(line)}:\n${lines.join("\n")}`),
            );
          }
        });
      });
    },
  };
}
