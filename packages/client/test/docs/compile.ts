import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

export const root = fileURLToPath(new URL("../..", import.meta.url));

/** The fenced blocks of a Markdown file of this package: each one's info string and code. */
export function fencedBlocks(markdown: string): { info: string; code: string }[] {
  const text = readFileSync(join(root, markdown), "utf8");
  return [...text.matchAll(/^```([^\n]*)\n([\s\S]*?)^```$/gm)].map((m) => ({
    info: m[1]!.trim(),
    code: m[2]!,
  }));
}

/**
 * Compiles `files` (name → source) as ES modules in a scratch directory, under the settings of the
 * strictest user (`strict`, `exactOptionalPropertyTypes`, `noUncheckedIndexedAccess`), with
 * `@mehery/xms-client` resolved to this package's source. Returns one line per diagnostic,
 * `name:line message`, or none.
 */
export function compile(files: Record<string, string>): string[] {
  const dir = mkdtempSync(join(tmpdir(), "xms-docs-"));
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "package.json"), '{ "type": "module" }');
    const paths = Object.entries(files).map(([name, code]) => {
      const file = join(dir, name);
      writeFileSync(file, code);
      return file;
    });
    const program = ts.createProgram(paths, {
      strict: true,
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      noEmit: true,
      skipLibCheck: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      types: ["node"],
      typeRoots: [join(root, "node_modules/@types")],
      baseUrl: root,
      paths: { "@mehery/xms-client": ["src/index.ts"] },
    });
    return ts.getPreEmitDiagnostics(program).map((d) => {
      const where = d.file
        ? `${d.file.fileName.slice(dir.length + 1)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}`
        : "";
      return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
