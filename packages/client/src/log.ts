import { fail } from "./options.js";

/** Where the client writes its log lines: `console`, pino, winston or anything with these four methods. */
export interface Logger {
  debug(message: string, details?: object): void;
  info(message: string, details?: object): void;
  warn(message: string, details?: object): void;
  error(message: string, details?: object): void;
}

/** The least severe level written; `"off"` writes nothing. */
export type LogLevel = "debug" | "info" | "warn" | "error" | "off";

/** What the client logs after each attempt (the `details` of the line). */
export interface AttemptLog {
  method: string;
  /** The path, without the base URL or the query. */
  path: string;
  /** The HTTP status, or the error code (`ECONNREFUSED`, `ETIMEDOUT`, ...) when there was no response. */
  status: number | string;
  /** 1 for the first attempt. */
  attempt: number;
  /** The wait before the next attempt, when there is one. */
  delayMs: number | undefined;
  durationMs: number;
  /** The request headers, credentials redacted. */
  headers: Record<string, string>;
}

const levels = ["debug", "info", "warn", "error", "off"];

/** Header names whose values are never written: the credentials and any verify token. */
const secret = /^(x-api-key|x-api-id|authorization|cookie|proxy-authorization)$|token|secret/i;

/** The headers with every credential's value replaced by `[redacted]`. */
export function redact(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name in headers) out[name] = secret.test(name) ? "[redacted]" : headers[name]!;
  return out;
}

/** Writes one attempt's line at `level`; a `debug` line only when `debug` is true. */
export type Log = ((level: "debug" | "info", entry: AttemptLog) => void) & {
  /** Whether `debug` lines are written: the loop builds no entry for a line never written. */
  readonly debug: boolean;
};

/** A log function writing to `logger` from `level` up; `undefined` when it would write nothing. */
export function createLog(logger: Logger, level: LogLevel): Log | undefined {
  const min = levels.indexOf(level);
  if (min < 0) fail(`logLevel must be one of ${levels.join(", ")}; got ${JSON.stringify(level)}`);
  // The loop logs attempts at debug and retries at info: from warn up it writes nothing.
  if (min >= 2) return;
  const log = (at: "debug" | "info", entry: AttemptLog) => {
    const { method, path, status, attempt, delayMs, durationMs } = entry;
    const retry = delayMs === undefined ? "" : `, retry in ${Math.round(delayMs)} ms`;
    logger[at as Exclude<LogLevel, "off">](
      `xms: ${method} ${path} ${status} (attempt ${attempt}, ${durationMs} ms${retry})`,
      entry,
    );
  };
  return Object.assign(log, { debug: min == 0 });
}
