import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, test } from "vitest";
import { findRepoRoot, parseYaml } from "../src/index.js";

describe("parseYaml", () => {
  test("reads any repository YAML with the YAML 1.2 core schema, as the spec is read", () => {
    // A workflow's `on:` key, `NO` and a date stay strings; YAML 1.1 would read true, false, a Date.
    expect(parseYaml("on:\n  push: {}\ncountry: NO\nday: 2023-10-06\nn: 0755\n")).toEqual({
      on: { push: {} },
      country: "NO",
      day: "2023-10-06",
      n: 755,
    });
  });

  test("names the document that is not YAML", () => {
    expect(() => parseYaml("a: [1, 2", "ci.yml")).toThrow("spec-model: ci.yml is not valid YAML");
  });
});

test("no file outside tools/spec-model imports a YAML library", () => {
  const root = findRepoRoot(process.cwd());
  const skip = new Set(["node_modules", "dist", ".turbo", ".git", "generated", "spec-model"]);
  const offenders: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (skip.has(entry.name)) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(m|c)?[jt]sx?$/.test(entry.name)) {
        const text = readFileSync(path, "utf8");
        if (/(from\s+|import\(|require\()\s*["'](yaml|js-yaml)["']/.test(text)) {
          offenders.push(relative(root, path));
        }
      }
    }
  };
  for (const top of ["tools", "packages", "examples"]) walk(join(root, top));
  expect(offenders).toEqual([]);
});
