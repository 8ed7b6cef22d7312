// `typescript` as a CommonJS require. See typescript-hooks.ts.
import { createRequire } from "node:module";
import type TypeScript from "typescript";

const ts = createRequire(import.meta.url)("typescript") as typeof TypeScript;
export default ts;
