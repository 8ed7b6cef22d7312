import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { anchorsAndAliases, differences, readUnderBothVersions } from "../../src/portability.js";
import { specPath } from "../../src/spec.js";

const text = readFileSync(specPath, "utf8");

describe("spec/openapi.yaml reads the same in every YAML reader", () => {
  test("it parses to the same document under YAML 1.1 and YAML 1.2 rules", () => {
    const { yaml11, yaml12 } = readUnderBothVersions(text);
    expect(differences(yaml11, yaml12)).toEqual([]);
  });

  test("it has no anchors or aliases", () => {
    expect(anchorsAndAliases(text)).toEqual([]);
  });
});

describe("the checks catch what YAML 1.1 readers get wrong", () => {
  test("a bare NO is false under YAML 1.1, and so are yes, on and off", () => {
    const { yaml11, yaml12 } = readUnderBothVersions("lang: [NB, NO]\nflags: [yes, on, off]\n");
    expect(differences(yaml11, yaml12)).toEqual([
      'lang.1: false vs "NO"',
      'flags.0: true vs "yes"',
      'flags.1: true vs "on"',
      'flags.2: false vs "off"',
    ]);
  });

  test("a quoted NO is the string under both", () => {
    const { yaml11, yaml12 } = readUnderBothVersions('lang: [NB, "NO"]\n');
    expect(differences(yaml11, yaml12)).toEqual([]);
  });

  test("a sexagesimal time is a number under YAML 1.1", () => {
    const { yaml11, yaml12 } = readUnderBothVersions("opens: 1:20\n");
    expect(differences(yaml11, yaml12)).toEqual(['opens: 80 vs "1:20"']);
  });

  test("anchors and aliases are found with their lines", () => {
    expect(anchorsAndAliases("a: &meta\n  x: 1\nb: *meta\n")).toEqual([
      "anchor &meta on the node at line 2",
      "alias *meta at line 3",
    ]);
  });
});
