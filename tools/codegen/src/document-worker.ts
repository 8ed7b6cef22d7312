// The document thread of document.ts: TypeScript (from its V8 code cache, typescript-cjs.ts) and
// openapi-typescript's transforms load as soon as the thread starts.
import { renderDocument } from "./document.js";
import { serve } from "./thread.js";

const loaded = import("./transform/openapi-ts.js");

serve(async (spec: Parameters<typeof renderDocument>[0]) => {
  await loaded;
  return renderDocument(spec);
});
