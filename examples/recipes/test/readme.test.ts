import { readdirSync, readFileSync } from "node:fs";
import { expect, test } from "vitest";

const readme = readFileSync(
  new URL("../../../packages/webhooks/README.md", import.meta.url),
  "utf8",
);
const recipes = readdirSync(new URL("../src", import.meta.url)).filter((file) =>
  file.endsWith(".ts"),
);

/** The section of the README the recipes are shown in. */
function recipesSection(): string {
  const start = readme.indexOf("\n## Recipes for other hosts\n");
  expect(start).toBeGreaterThan(-1);
  const next = readme.indexOf("\n## ", start + 1);
  return readme.slice(start, next === -1 ? undefined : next);
}

/** Each `<!-- recipe: path -->` marker of the section and the ```ts block after it. */
function snippets(): Map<string, string> {
  const found = new Map<string, string>();
  const marker = /<!-- recipe: examples\/recipes\/src\/([\w.-]+) -->\n\n```ts\n([\s\S]*?)\n```/g;
  for (const [, file, code] of recipesSection().matchAll(marker)) found.set(file!, code!);
  return found;
}

test("every recipe file is shown in the README, and every snippet shown is a recipe file", () => {
  expect([...snippets().keys()].sort()).toEqual([...recipes].sort());
});

test.each(recipes)("the README snippet of %s is the file, character for character", (file) => {
  const source = readFileSync(new URL(`../src/${file}`, import.meta.url), "utf8");
  expect(snippets().get(file)).toBe(source.replace(/\n$/, ""));
});
