import { Redis } from "ioredis";
import { createClient } from "redis";
import type { RedisClientLike } from "../../src/redis.js";

/** A connected client of one library, and how to close it whatever state Redis is in. */
export interface TestClient {
  client: RedisClientLike;
  /** Runs a command, for the tests' own checks. */
  command(args: string[]): Promise<unknown>;
  close(): Promise<void>;
}

export type ClientLibrary = "node-redis" | "ioredis";
export const clientLibraries: ClientLibrary[] = ["node-redis", "ioredis"];

/** Connects with `library`. Connection errors (Redis killed) are expected in tests: they are logged nowhere. */
export async function connect(library: ClientLibrary, url: string): Promise<TestClient> {
  if (library === "node-redis") {
    const client = createClient({ url });
    client.on("error", () => {});
    await client.connect();
    return {
      client,
      command: (args) => client.sendCommand(args),
      close: async () => client.destroy(),
    };
  }
  const client = new Redis(url, { lazyConnect: true });
  client.on("error", () => {});
  await client.connect();
  return {
    client,
    command: ([name, ...args]) => client.call(name as string, ...args),
    close: async () => client.disconnect(),
  };
}
