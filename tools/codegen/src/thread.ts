import { parentPort, Worker } from "node:worker_threads";

interface Pending<Reply> {
  resolve: (reply: Reply) => void;
  reject: (error: Error) => void;
}

type Message<Reply> = { id: number; reply: Reply } | { id: number; error: string };

/**
 * A worker thread that answers requests (its module calls `serve`), for work that can overlap the
 * main thread's: with two cores, prettier and ajv run beside openapi-typescript. The thread does
 * not keep the process alive while it has nothing to do, so a one-shot run exits and `--watch`
 * keeps it loaded.
 */
export class Thread<Request, Reply> {
  readonly #worker: Worker;
  readonly #pending = new Map<number, Pending<Reply>>();
  #nextId = 0;
  /** False once the worker stopped (a crash, a module that failed to load): it answers nothing more. */
  alive = true;

  constructor(module: URL) {
    this.#worker = new Worker(module);
    this.#worker.on("message", (message: Message<Reply>) => {
      const pending = this.#pending.get(message.id);
      this.#pending.delete(message.id);
      if (this.#pending.size === 0) this.#worker.unref();
      if ("error" in message) pending?.reject(new Error(message.error));
      else pending?.resolve(message.reply);
    });
    const stopped = (error: Error): void => {
      this.alive = false;
      for (const pending of this.#pending.values()) pending.reject(error);
      this.#pending.clear();
    };
    this.#worker.on("error", stopped);
    this.#worker.on("exit", (code) =>
      stopped(new Error(`xms-codegen: a worker thread exited (${code})`)),
    );
    // After the listeners: adding a "message" listener refs the worker again.
    this.#worker.unref();
  }

  call(request: Request): Promise<Reply> {
    const id = this.#nextId++;
    if (this.#pending.size === 0) this.#worker.ref();
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ id, request });
    });
  }
}

/** In a thread's module: answers each request with what `handle` resolves to, or its error. */
export function serve<Request, Reply>(handle: (request: Request) => Promise<Reply>): void {
  const port = parentPort!;
  port.on("message", async ({ id, request }: { id: number; request: Request }) => {
    let message: Message<Reply>;
    try {
      message = { id, reply: await handle(request) };
    } catch (error) {
      message = { id, error: (error as Error).message };
    }
    port.postMessage(message);
  });
}

/**
 * Whether this module runs from the build (dist/*.js). Vitest runs the TypeScript sources, which
 * a worker cannot load: there, the work runs on the calling thread.
 */
export const threadsAvailable = import.meta.url.endsWith(".js");

/** Work that runs on a thread of its own when threads are available, else on the caller's. */
export interface OffThread<Request, Reply> {
  /** Starts the thread now (it loads its modules while the caller goes on). */
  start(): void;
  run(request: Request): Promise<Reply>;
}

/**
 * `module` is the thread's module (it `serve`s `work`); `work` is the same function, for the
 * calling thread when threads are not available.
 */
export function offThread<Request, Reply>(
  module: URL,
  work: (request: Request) => Promise<Reply>,
): OffThread<Request, Reply> {
  let thread: Thread<Request, Reply> | undefined;
  const start = (): Thread<Request, Reply> | undefined => {
    // A thread that stopped is started again: under --watch, the next save gets a live one.
    if (threadsAvailable && !thread?.alive) thread = new Thread(module);
    return thread;
  };
  return { start, run: (request) => start()?.call(request) ?? work(request) };
}

/**
 * A thread's memory of its last output by the input it was made from (`--watch` saves): `make`
 * runs only when `key` differs from the last call's. A failure is not remembered.
 */
export function lastOutput<T>(): (key: string, make: () => Promise<T>) => Promise<T> {
  let last: { key: string; output: Promise<T> } | undefined;
  return (key, make) => {
    if (last?.key !== key) {
      const output = make();
      last = { key, output };
      output.catch(() => {
        if (last?.output === output) last = undefined;
      });
    }
    return last.output;
  };
}
