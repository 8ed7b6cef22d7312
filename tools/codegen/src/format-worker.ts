// The formatting thread of format.ts: prettier, loaded (with its TypeScript parser) while the main
// thread reads the spec and generates.
import { formatWithPrettier, warmPrettier } from "./prettier.js";
import { serve } from "./thread.js";

const warm = warmPrettier();

serve(async (request: Parameters<typeof formatWithPrettier>[0]) => {
  await warm;
  return formatWithPrettier(request);
});
