// The document thread of document.ts: TypeScript (through typescript-hooks.js, from its V8 code
// cache) and openapi-typescript load as soon as the thread starts.
import { register } from "node:module";
import { renderDocument } from "./document.js";
import { serve } from "./thread.js";

register("./typescript-hooks.js", import.meta.url);
const loaded = import("./transform/openapi-ts.js");

serve(async (spec: Parameters<typeof renderDocument>[0]) => {
  await loaded;
  return renderDocument(spec);
});
