// The validators thread of validators.ts: ajv and esbuild load as soon as the thread starts, while
// the main thread reads the spec.
import { printValidators } from "./print-validators.js";
import { serve } from "./thread.js";
import { loadAjv } from "./transform/webhook-validators.js";

const loaded = import("esbuild");
loadAjv();

serve(async (request: Parameters<typeof printValidators>[0]) => {
  await loaded;
  return printValidators(request);
});
