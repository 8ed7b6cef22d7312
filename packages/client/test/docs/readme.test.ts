import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { compileModules, exportedNames, fencedBlocks, withContext } from "@mehery/docs-check";
import { expect, test } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));

// What a README block may use without declaring it: the client of the quick start, and a message
// to send. Each block gets an import of the ones it uses and does not declare itself.
const context = `import { createClient } from "@mehery/xms-client";

export const xms = createClient({ apiKey: process.env.XMS_API_KEY });
export const message: Parameters<typeof xms.messages.send>[0] = {
  channelId: "wa360:918828218374",
  to: { phone: "919988776655" },
  type: "text",
  text: { body: "Your order has shipped." },
};
`;

test(
  "every ts block of README.md compiles under strict and exactOptionalPropertyTypes",
  { timeout: 120_000 },
  () => {
    const readme = readFileSync(`${root}README.md`, "utf8");
    const blocks = fencedBlocks(readme).filter((b) => b.info == "ts");
    expect(blocks.length).toBeGreaterThanOrEqual(5);
    const files: Record<string, string> = { "context.ts": context };
    blocks.forEach(({ code }, i) => {
      files[`readme-${i + 1}.ts`] = withContext(code, exportedNames(context));
    });
    const errors = compileModules(files, {
      packageDir: root,
      paths: { "@mehery/xms-client": ["src/index.ts"] },
      exactOptionalPropertyTypes: true,
    });
    expect(errors).toEqual([]);
  },
);
