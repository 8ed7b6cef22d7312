import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import type { MessageNotificationPayload } from "@mehery/xms-webhook-types";
import { TOKEN, example } from "../helpers/requests.js";
import type { ClientLibrary } from "./clients.js";

const script = fileURLToPath(new URL("./receiver-process.mjs", import.meta.url));

/** A receiver-process.mjs child and what it printed. */
export interface Receiver {
  url: string;
  lines: string[];
  /** The ids it printed "handled <id>" for, in order. */
  handled(): string[];
  errors(): string[];
  stop(): Promise<void>;
}

export interface ReceiverOptions {
  /** Message ids whose handler fails the first time this receiver runs it. */
  failOnce?: string[];
  /**
   * The store's commandTimeoutMs. Short only where Redis is killed: on a loaded machine a live
   * Redis can take a few hundred ms, and a timed-out claim processes the item anyway.
   */
  commandTimeoutMs?: number;
}

export async function startReceiver(
  library: ClientLibrary,
  redisUrl: string,
  { failOnce = [], commandTimeoutMs = 10_000 }: ReceiverOptions = {},
): Promise<Receiver> {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [script], {
    env: {
      ...process.env,
      REDIS_URL: redisUrl,
      CLIENT: library,
      TOKEN,
      FAIL_ONCE: failOnce.join(","),
      COMMAND_TIMEOUT_MS: String(commandTimeoutMs),
    },
  });
  const lines: string[] = [];
  let stderr = "";
  let partial = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      const parts = (partial + chunk).split("\n");
      partial = parts.pop() ?? "";
      lines.push(...parts);
      const listening = lines.find((line) => line.startsWith("listening "));
      if (listening) resolve(listening.slice("listening ".length));
    });
    child.once("exit", (code) => reject(new Error(`the receiver exited (${code}):\n${stderr}`)));
  });
  const after = (prefix: string) =>
    lines.filter((line) => line.startsWith(prefix)).map((line) => line.slice(prefix.length));
  return {
    url: `http://127.0.0.1:${port}/`,
    lines,
    handled: () => after("handled "),
    errors: () => after("error "),
    async stop() {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await once(child, "exit");
    },
  };
}

/** The platform's text example as a new message: its own id and text. */
export function message(id: string): MessageNotificationPayload {
  const notification = example("text");
  const [first] = notification.messages ?? [];
  if (!first) throw new Error("the text example has no message");
  notification.messages = [{ ...first, id }];
  return notification;
}

/** Delivers `body` as the platform does; resolves with the answer's status. */
export async function deliver(url: string, body: unknown): Promise<number> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", "x-verify-token": TOKEN },
    body: JSON.stringify(body),
  });
  await response.arrayBuffer();
  return response.status;
}
