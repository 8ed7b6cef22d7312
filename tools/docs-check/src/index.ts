import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";

/** One fenced block of a Markdown text. */
export interface FencedBlock {
  /** The info string after the opening fence (`ts`, `sh`...). */
  info: string;
  code: string;
  /** The HTML comment on the lines just before the block (`<!-- recipe: ... -->`), if any. */
  comment: string | undefined;
}

/** The fenced blocks of a Markdown text, in order. */
export function fencedBlocks(markdown: string): FencedBlock[] {
  return [...markdown.matchAll(/(?:(<!--[^\n]*-->)\n\n)?^```([^\n]*)\n([\s\S]*?)^```$/gm)].map(
    (m) => ({ info: m[2]!.trim(), code: m[3]!, comment: m[1] }),
  );
}

/** The names a module's source exports: `export const|function|interface|class X` and `export { X }`. */
export function exportedNames(source: string): string[] {
  const declared = source.matchAll(
    /\bexport (?:declare )?(?:const|function|interface|class) (\w+)/g,
  );
  const listed = source.matchAll(/\bexport \{([^}]*)\}/g);
  return [
    ...[...declared].map((m) => m[1]!),
    ...[...listed].flatMap((m) => m[1]!.split(",").map((name) => name.trim())),
  ].filter(Boolean);
}

/**
 * `code` as a module that may use what the prose around it gives it: an import, from `module`, of
 * each of `names` that the code uses but neither declares nor imports itself, and an `export {}`
 * that makes it a module.
 */
export function withContext(
  code: string,
  names: readonly string[],
  module = "./context.js",
): string {
  const imported = [...code.matchAll(/import\s*(?:type\s*)?\{([^}]*)\}/g)].flatMap((m) =>
    m[1]!.split(",").map((name) => name.trim().replace(/^type\s+/, "")),
  );
  const used = [...new Set(names)].filter(
    (name) =>
      new RegExp(`\\b${name}\\b`).test(code) &&
      !imported.includes(name) &&
      !new RegExp(`\\b(const|let|var|function|interface|class)\\s+${name}\\b`).test(code),
  );
  const header = used.length ? `import { ${used.join(", ")} } from "${module}";\n` : "";
  return `${header}${code}\nexport {};\n`;
}

export interface CompileOptions {
  /**
   * The package the snippets are compiled from: the scratch project goes under its
   * `node_modules/.cache` (ignored by git and prettier), so that the snippets import what the
   * package has installed, and its `node_modules/@types` are the types in scope.
   */
  packageDir: string;
  /** Module specifier → files, relative to `packageDir` (e.g. a package's own source). */
  paths?: Record<string, string[]>;
  /** Also compile under `exactOptionalPropertyTypes`. */
  exactOptionalPropertyTypes?: boolean;
}

/**
 * Compiles `files` (name → source) as the ES modules of one scratch project, as the strictest user
 * would: `strict`, `noUncheckedIndexedAccess`, ES2022 with Node's types. Returns one
 * `name:line message` per diagnostic; none when everything compiles.
 */
export function compileModules(files: Record<string, string>, options: CompileOptions): string[] {
  const { packageDir } = options;
  mkdirSync(join(packageDir, "node_modules/.cache"), { recursive: true });
  const dir = mkdtempSync(join(packageDir, "node_modules/.cache/xms-docs-"));
  try {
    writeFileSync(join(dir, "package.json"), '{ "type": "module" }');
    const names = Object.entries(files).map(([name, code]) => {
      writeFileSync(join(dir, name), code);
      return join(dir, name);
    });
    const program = ts.createProgram(names, {
      strict: true,
      noUncheckedIndexedAccess: true,
      exactOptionalPropertyTypes: options.exactOptionalPropertyTypes ?? false,
      noEmit: true,
      skipLibCheck: true,
      lib: ["lib.es2022.d.ts"],
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      types: ["node"],
      typeRoots: [join(packageDir, "node_modules/@types")],
      baseUrl: packageDir,
      paths: options.paths ?? {},
    });
    return ts.getPreEmitDiagnostics(program).map((d) => {
      const where = d.file
        ? `${d.file.fileName.replace(`${dir}/`, "")}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}`
        : "";
      return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
