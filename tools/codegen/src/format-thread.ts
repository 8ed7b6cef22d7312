import { Worker } from "node:worker_threads";
import type { Options } from "prettier";
import type { FormatRequest, FormatResponse } from "./format-worker.js";

interface Pending {
  resolve: (formatted: string) => void;
  reject: (error: Error) => void;
}

/**
 * One prettier on a worker thread (format-worker.js), for the large files: with two cores, their
 * formatting overlaps the rest of the generation. The thread does not keep the process alive
 * while it has nothing to do, so a one-shot run exits and `--watch` keeps it loaded.
 */
class FormatThread {
  readonly #worker = new Worker(new URL("./format-worker.js", import.meta.url));
  readonly #pending = new Map<number, Pending>();
  #nextId = 0;

  constructor() {
    this.#worker.on("message", (response: FormatResponse) => {
      const pending = this.#pending.get(response.id);
      this.#pending.delete(response.id);
      if (this.#pending.size === 0) this.#worker.unref();
      if ("error" in response) pending?.reject(new Error(response.error));
      else pending?.resolve(response.formatted);
    });
    this.#worker.on("error", (error) => {
      for (const pending of this.#pending.values()) pending.reject(error);
      this.#pending.clear();
    });
    // After the listeners: adding a "message" listener refs the worker again.
    this.#worker.unref();
  }

  format(source: string, options: Options): Promise<string> {
    const id = this.#nextId++;
    if (this.#pending.size === 0) this.#worker.ref();
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ id, source, options } satisfies FormatRequest);
    });
  }
}

let thread: FormatThread | undefined;

/**
 * The formatting thread, started on first use. Only from the build (dist/*.js): vitest runs the
 * TypeScript sources, which a worker cannot load, and formats on the main thread instead.
 */
export function formatThread(): FormatThread | undefined {
  if (!import.meta.url.endsWith(".js")) return undefined;
  thread ??= new FormatThread();
  return thread;
}
