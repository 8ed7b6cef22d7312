// `typescript` as a CommonJS module, compiled with a V8 code cache. The generator's modules import
// TypeScript from here, not as "typescript": Node's ESM loader, importing the 9 MB CommonJS file
// itself, first scans it for export names, which costs about 0.2 s per run; and openapi-typescript's
// transforms (openapi-typescript/transforms.ts) then `require` this same module object.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import { dirname } from "node:path";
import { Script } from "node:vm";
import { threadId } from "node:worker_threads";
import type TypeScript from "typescript";

const require = createRequire(import.meta.url);
const file = require.resolve("typescript");

/**
 * V8's compiled code for TypeScript's 9 MB file, kept in node_modules/.cache (Node 20 has no
 * module.enableCompileCache): loading it then takes about a third of the time. This is a cache of
 * the compiler's machine code, not of anything generated; V8 rejects it when TypeScript or Node
 * changes, and it is written again.
 */
const cacheFile = new URL(
  `../node_modules/.cache/xms-codegen/typescript-${
    (require("typescript/package.json") as { version: string }).version
  }-${process.version}-${process.arch}.v8`,
  import.meta.url,
);

function readCache(): Buffer | undefined {
  try {
    return readFileSync(cacheFile);
  } catch {
    return undefined;
  }
}

/** Whether this run compiled TypeScript without a usable cache (then `saveCodeCache` writes one). */
let save: (() => void) | undefined;

/** Loads TypeScript as `require` would (one module, in require.cache), from the code cache. */
function loadTypeScript(): typeof TypeScript {
  const cached = require.cache[file];
  if (cached) return cached.exports as typeof TypeScript;
  const cachedData = readCache();
  const script = new Script(Module.wrap(readFileSync(file, "utf8")), {
    filename: file,
    cachedData,
  });
  const module = new Module(file) as Module & { filename: string; paths: string[] };
  module.filename = file;
  module.paths = (
    Module as unknown as { _nodeModulePaths(dir: string): string[] }
  )._nodeModulePaths(dirname(file));
  require.cache[file] = module;
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  module.loaded = true;
  if (cachedData === undefined || script.cachedDataRejected) {
    save = () => {
      const written = new URL(`${cacheFile.href}.${process.pid}.${threadId}`);
      try {
        mkdirSync(new URL(".", cacheFile), { recursive: true });
        // Renamed into place: a run that reads it never sees half a file.
        writeFileSync(written, script.createCachedData());
        renameSync(written, cacheFile);
      } catch {
        // A read-only checkout: no cache, TypeScript loads as it would without one.
      }
    };
  }
  return module.exports as typeof TypeScript;
}

/**
 * Writes the code cache if this run had none (or V8 rejected it), once. Called after a whole
 * rendering, so that the cache holds every function it compiled, not only the top level; and not
 * at exit, which a worker thread never sees when the process ends.
 */
export function saveCodeCache(): void {
  save?.();
  save = undefined;
}

const ts = loadTypeScript();
export default ts;
