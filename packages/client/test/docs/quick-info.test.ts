import { fileURLToPath } from "node:url";
import ts from "typescript";
import { expect, test } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const file = `${root}test/docs/__hover__.ts`;
const source = `import { createClient } from "../../src/index.js";
const xms = createClient({ apiKey: "k" });
void xms.messages.send;
`;

/** The hover (quick info) an editor shows over `name` in `source`, from the TypeScript language service. */
function hover(name: string): { signature: string; docs: string } {
  const options: ts.CompilerOptions = {
    strict: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    types: ["node"],
    skipLibCheck: true,
  };
  const host: ts.LanguageServiceHost = {
    getCompilationSettings: () => options,
    getScriptFileNames: () => [file],
    getScriptVersion: () => "1",
    getScriptSnapshot: (name) => {
      const text = name == file ? source : ts.sys.readFile(name);
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => root,
    getDefaultLibFileName: ts.getDefaultLibFilePath,
    fileExists: (name) => name == file || ts.sys.fileExists(name),
    readFile: (name) => (name == file ? source : ts.sys.readFile(name)),
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
  };
  const service = ts.createLanguageService(host);
  const info = service.getQuickInfoAtPosition(file, source.lastIndexOf(name) + 1);
  return {
    signature: ts.displayPartsToString(info?.displayParts),
    docs: ts.displayPartsToString(info?.documentation),
  };
}

test(
  "hovering xms.messages.send shows a short named signature and the operation's docs",
  { timeout: 60_000 },
  () => {
    const { signature, docs } = hover("send");
    expect(signature).toBe(
      "(method) MessagesResource.send(body: SendMessageBody, options?: CallOptions): Promise<SendMessageResponse>",
    );
    expect(signature.length).toBeLessThan(120);
    expect(docs).toContain("The shape of the body depends on `type`");
    expect(docs).toContain("sending is not idempotent");
    expect(docs).toContain("read its `sent`");
    expect(docs).toContain("POST /api/v1/message/send");
  },
);
