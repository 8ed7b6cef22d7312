import { spawn } from "node:child_process";

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Kill the command after this many milliseconds (default 120 s). */
  timeoutMs?: number;
  /** Exit codes that count as success (default: only 0). */
  okExitCodes?: readonly number[];
}

export interface RunResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/**
 * Runs a command without a shell and resolves with its output; rejects when it exits non-zero,
 * is killed, or runs past `timeoutMs`. The rejection message carries the command line and
 * both output streams, so a failing step explains itself in the test report.
 */
export function run(
  command: string,
  args: readonly string[],
  options: RunOptions,
): Promise<RunResult> {
  const { cwd, env = cleanEnv(), timeoutMs = 120_000, okExitCodes = [0] } = options;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (code !== null && okExitCodes.includes(code)) {
        resolve({ stdout, stderr, exitCode: code });
        return;
      }
      const how = signal === null ? `exited with code ${String(code)}` : `was killed by ${signal}`;
      reject(
        new Error(
          `\`${[command, ...args].join(" ")}\` (in ${cwd}) ${how}\n--- stdout ---\n${stdout}\n--- stderr ---\n${stderr}`,
        ),
      );
    });
  });
}

/**
 * The environment for child commands: this process's, minus every `npm_*` variable that pnpm
 * sets when it runs a script (`npm_config_registry`, `npm_config_user_agent`, ...), so that each
 * command reads only the registry settings the test gives it.
 */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^npm_/i.test(key)) env[key] = value;
  }
  return { ...env, ...extra };
}
