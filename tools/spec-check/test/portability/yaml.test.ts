import { readFileSync } from "node:fs";
import { portabilityProblems } from "@mehery/xms-spec-model";
import { describe, expect, test } from "vitest";
import { specPath } from "../../src/spec.js";

const text = readFileSync(specPath, "utf8");

/** `pointer problem: detail` for each problem the spec model finds. */
const problems = (yaml: string) =>
  portabilityProblems(yaml).map((p) => `${p.pointer} ${p.problem}: ${p.detail}`);

describe("spec/openapi.yaml reads the same in every YAML reader", () => {
  test("it parses to the same document under YAML 1.1 and YAML 1.2 rules", () => {
    expect(problems(text).filter((p) => p.includes("yaml-1.1-differs"))).toEqual([]);
  });

  test("it has no anchors or aliases", () => {
    expect(problems(text).filter((p) => !p.includes("yaml-1.1-differs"))).toEqual([]);
  });
});

describe("the checks catch what YAML 1.1 readers get wrong", () => {
  test("a bare NO is false under YAML 1.1, and so are yes, on and off", () => {
    expect(problems("lang: [NB, NO]\nflags: [yes, on, off]\n")).toEqual([
      '/lang/1 yaml-1.1-differs: YAML 1.2 reads "NO", YAML 1.1 reads false',
      '/flags/0 yaml-1.1-differs: YAML 1.2 reads "yes", YAML 1.1 reads true',
      '/flags/1 yaml-1.1-differs: YAML 1.2 reads "on", YAML 1.1 reads true',
      '/flags/2 yaml-1.1-differs: YAML 1.2 reads "off", YAML 1.1 reads false',
    ]);
  });

  test("a quoted NO is the string under both", () => {
    expect(problems('lang: [NB, "NO"]\n')).toEqual([]);
  });

  test("a sexagesimal time is a number under YAML 1.1", () => {
    expect(problems("opens: 1:20\n")).toEqual([
      '/opens yaml-1.1-differs: YAML 1.2 reads "1:20", YAML 1.1 reads 80',
    ]);
  });

  test("anchors and aliases are found with where they are", () => {
    expect(problems("a: &meta\n  x: 1\nb: *meta\n")).toEqual([
      "/a anchor: &meta",
      "/b alias: *meta",
    ]);
  });
});
