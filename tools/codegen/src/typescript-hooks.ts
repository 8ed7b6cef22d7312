/**
 * A module resolution hook (node:module `register`) that hands every `import ts from
 * "typescript"` (openapi-typescript's and ours) typescript-cjs.js, which loads TypeScript as a
 * CommonJS module (from a V8 code cache).
 * Same module object; but Node's ESM loader, importing the 9 MB CommonJS file itself, first
 * scans it for export names and for ESM syntax, which costs about 0.2 s per `xms-codegen types`.
 */
const shim = new URL("./typescript-cjs.js", import.meta.url).href;

interface ResolveResult {
  url: string;
  shortCircuit?: boolean;
}

export async function resolve(
  specifier: string,
  context: unknown,
  next: (specifier: string, context: unknown) => Promise<ResolveResult>,
): Promise<ResolveResult> {
  if (specifier === "typescript") return { url: shim, shortCircuit: true };
  return next(specifier, context);
}
