// @ts-check
// The TypeScript call of every operation, for the reference's `x-codeSamples`: made at build time
// from @mehery/xms-client's generated `resources` table (the same table the client's methods come
// from) and the spec's request examples, so the spec source stays free of them.

/**
 * @typedef {{ method: string; path: string; input: string }} Entry
 * @typedef {Record<string, Record<string, Entry>>} Table
 */

/** The example body of an operation: its `example`, or the first of its `examples`. */
function exampleBody(/** @type {any} */ operation) {
  const media = operation.requestBody?.content?.["application/json"];
  if (!media) return undefined;
  if (media.example !== undefined) return media.example;
  const first = Object.values(media.examples ?? {})[0];
  return /** @type {any} */ (first)?.value;
}

/**
 * One TypeScript sample per operation of `paths`, by operationId.
 * @param {any} spec the parsed OpenAPI document
 * @param {Table} table @mehery/xms-client's `resources`
 * @returns {Map<string, string>}
 */
export function codeSamples(spec, table) {
  /** @type {Map<string, { call: string; entry: Entry }>} `METHOD path` → `xms.resource.method` */
  const callOf = new Map();
  for (const [resource, methods] of Object.entries(table)) {
    for (const [name, entry] of Object.entries(methods)) {
      callOf.set(`${entry.method} ${entry.path}`, { call: `xms.${resource}.${name}`, entry });
    }
  }
  const samples = new Map();
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const [method, operation] of Object.entries(/** @type {object} */ (item))) {
      const found = callOf.get(`${method.toUpperCase()} ${path}`);
      if (!found || !operation?.operationId) continue;
      const body = exampleBody(operation);
      // The example as a TypeScript literal: keys that are identifiers lose their quotes.
      const argument =
        found.entry.input == "body"
          ? JSON.stringify(body ?? {}, null, 2).replace(/^(\s*)"([A-Za-z_$][\w$]*)":/gm, "$1$2:")
          : "";
      samples.set(
        operation.operationId,
        [
          `import { createClient } from "@mehery/xms-client";`,
          ``,
          `const xms = createClient({ apiKey: process.env.XMS_API_KEY });`,
          `const result = await ${found.call}(${argument});`,
          `console.log(result);`,
          ``,
        ].join("\n"),
      );
    }
  }
  return samples;
}

/**
 * A copy of `spec` whose operations carry `x-codeSamples` (Redoc shows them beside each one).
 * Throws if an operation of `paths` has no sample: the table and the spec disagree.
 * @param {any} spec
 * @param {Table} table
 */
export function withCodeSamples(spec, table) {
  const samples = codeSamples(spec, table);
  const copy = structuredClone(spec);
  for (const [path, item] of Object.entries(copy.paths ?? {})) {
    for (const operation of Object.values(/** @type {object} */ (item))) {
      if (!operation?.operationId) continue;
      const source = samples.get(operation.operationId);
      if (!source) {
        throw new Error(
          `xms-docs: no @mehery/xms-client method calls ${operation.operationId} (${path})`,
        );
      }
      operation["x-codeSamples"] = [{ lang: "TypeScript", label: "@mehery/xms-client", source }];
    }
  }
  return copy;
}
