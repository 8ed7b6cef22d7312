import { formatWithPrettier, type FormatRequest } from "./prettier.js";
import { offThread } from "./thread.js";

/**
 * The formatting thread (format-worker.js): one prettier, loaded while the main thread reads the
 * spec and generates.
 */
export const formatting = offThread<FormatRequest, string>(
  new URL("./format-worker.js", import.meta.url),
  formatWithPrettier,
);
