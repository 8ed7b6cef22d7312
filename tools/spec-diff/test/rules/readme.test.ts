import { readFile } from "node:fs/promises";
import { expect, test } from "vitest";
import { RULES } from "../../src/rules.js";

test("the README documents every rule", async () => {
  const readme = await readFile(new URL("../../README.md", import.meta.url), "utf8");
  const missing = Object.keys(RULES).filter((id) => !readme.includes(`\`${id}\``));
  expect(missing).toEqual([]);
});
