/**
 * ajv's standalone code made self-contained: the helpers it would `require` from
 * `ajv/dist/runtime/*` are inlined, so the generated module has no import at all and the
 * published package does not depend on ajv.
 *
 * @see https://ajv.js.org/standalone.html
 */
import { LOSSLESS_RUNTIME, LOSSLESS_SOURCE } from "./lossless.js";

/**
 * Self-contained replacements for the helpers ajv's standalone code `require`s from
 * `ajv/dist/runtime/*`, so that the generated module has no import at all.
 */
const RUNTIME: Record<string, string> = {
  // Length in Unicode code points, as JSON Schema counts minLength/maxLength.
  ucs2length: `function ucs2length(str) { let length = 0; for (const _ of str) length++; return length; }`,
  // Deep equality of JSON values (enum/const of objects, uniqueItems).
  equal: `function equal(a, b) {
    if (a === b) return true;
    if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return a !== a && b !== b;
    if (Array.isArray(a) !== Array.isArray(b)) return false;
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    for (const key of keys) if (!Object.prototype.hasOwnProperty.call(b, key) || !equal(a[key], b[key])) return false;
    return true;
  }`,
  // Lossless conversion of the lenient request validators; one source, see lossless.ts.
  [LOSSLESS_RUNTIME]: LOSSLESS_SOURCE,
};

export function inlineRuntime(code: string): string {
  const inlined = code.replace(
    /require\("ajv\/dist\/runtime\/([a-zA-Z0-9]+)"\)\.default/g,
    (_match, name: string) => {
      const helper = RUNTIME[name];
      if (!helper) {
        throw new Error(
          `xms-codegen webhooks: the validators need ajv/dist/runtime/${name}; add an inline version to RUNTIME`,
        );
      }
      return `(${helper})`;
    },
  );
  if (/\brequire\(/.test(inlined)) {
    throw new Error("xms-codegen webhooks: the standalone validators still require() a module");
  }
  return inlined;
}
