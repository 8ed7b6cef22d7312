import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { afterAll, expect, test } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const cookbook = readFileSync(join(root, "COOKBOOK.md"), "utf8");

/** The fenced blocks of COOKBOOK.md: each one's info string (`ts`) and code. */
const blocks = [...cookbook.matchAll(/^```(ts[^\n]*)\n([\s\S]*?)^```$/gm)].map((m) => ({
  info: m[1]!.trim(),
  code: m[2]!,
}));

const dir = mkdtempSync(join(tmpdir(), "xms-cookbook-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("the cookbook has an example per message kind and per task", () => {
  for (const kind of [
    "text",
    "image",
    "video",
    "audio",
    "document",
    "location",
    "contacts",
    "optin",
    "optout",
  ]) {
    expect(cookbook).toContain(`type: "${kind}"`);
  }
  expect(cookbook).toMatch(
    /type: "template",\n\s+template: \{ code: "FEEDBACK", lang: "en_US", data:/,
  );
  for (const task of [
    "traceId",
    "xms.GET(",
    "signal: controller.signal",
    "maxRetries: 5",
    "fetch: viaProxy",
    'logLevel: "debug"',
  ]) {
    expect(cookbook).toContain(task);
  }
});

test("every fenced block is TypeScript, so every one is compiled", () => {
  expect(blocks.filter((b) => b.info != "ts")).toEqual([]);
});

test(
  "every ts block of COOKBOOK.md compiles under strict and exactOptionalPropertyTypes",
  { timeout: 120_000 },
  () => {
    const compiled = blocks.filter((b) => b.info == "ts");
    expect(compiled.length).toBeGreaterThan(10);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "package.json"), '{ "type": "module" }');
    // The first block is the shared client that the others import as "./client.js".
    const files = compiled.map((b, i) => {
      const file = join(dir, i == 0 ? "client.ts" : `example-${i}.ts`);
      writeFileSync(file, i == 0 ? b.code : `${b.code}\nexport {};\n`);
      return file;
    });
    const program = ts.createProgram(files, {
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
    const errors = ts.getPreEmitDiagnostics(program).map((d) => {
      const where = d.file
        ? `${d.file.fileName.replace(dir, "cookbook")}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}`
        : "";
      return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
    });
    expect(errors).toEqual([]);
  },
);
