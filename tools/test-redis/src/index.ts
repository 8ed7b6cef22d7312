import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";

/** Debian's redis-server (`.ci/run` installs it when missing). */
const REDIS_SERVER = process.env["REDIS_SERVER"] ?? "/usr/bin/redis-server";

export interface RedisServer {
  port: number;
  url: string;
  /** SIGKILL, as a crash: clients see their connection drop. Resolves once it exited. */
  kill(): Promise<void>;
}

/** A free loopback port (closed again at once; redis-server takes it right after). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return once(child, "exit").then(() => undefined);
}

/** Starts a throw-away redis-server on 127.0.0.1 (no persistence); resolves once it accepts connections. */
export async function startRedis(): Promise<RedisServer> {
  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    const child = spawn(
      REDIS_SERVER,
      ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    let output = "";
    child.stdout?.setEncoding("utf8");
    const ready = new Promise<boolean>((resolve) => {
      child.stdout?.on("data", (chunk: string) => {
        output += chunk;
        if (output.includes("Ready to accept connections")) resolve(true);
      });
      child.once("exit", () => resolve(false));
      child.once("error", () => resolve(false));
    });
    if (await ready) {
      // A test run that ends without kill() (a failed hook, Ctrl-C) must not leave it running.
      const orphan = () => child.kill("SIGKILL");
      process.once("exit", orphan);
      return {
        port,
        url: `redis://127.0.0.1:${port}`,
        async kill() {
          process.off("exit", orphan);
          child.kill("SIGKILL");
          await exited(child);
        },
      };
    }
    // Another process took the port between freePort() and redis-server's bind: try another.
    if (attempt === 4) throw new Error(`redis-server did not start:\n${output}`);
  }
}
