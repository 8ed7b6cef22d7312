/**
 * Parser of the published reference: the plain-text render of a widdershins (Springfox,
 * Swagger 2) page, as kept in test/fixtures/published-reference.txt.
 *
 * The parts it reads:
 * - operation groups: a group heading, its description and the first operation's summary,
 *   each on its own line, right before that operation's "Code samples";
 * - operations: the `METHOD /api/...` line, alone on its line, after the code samples (the
 *   samples print the path too, but with the base URL in front or `HTTP/1.1` behind);
 * - schemas, after the "Schemas" heading: a title line, "Properties", the header
 *   "Name Type Required Restrictions Description" and one row per property. A row starting
 *   with "»" describes the values of the map property above it (its additionalProperties);
 *   lines that are not rows continue the description above and are skipped;
 * - "Enumerated Values" tables ("Property Value" rows) of the schema above them. A value
 *   is the rest of its row and may contain spaces (`SHARE etc`).
 */

export interface PublishedOperation {
  method: string;
  path: string;
  /** The group (tag) heading the operation is listed under. */
  group: string | undefined;
  /** The operation's title line ("Channels List"). */
  summary: string | undefined;
  /** 1-based line of the `METHOD /path` line. */
  line: number;
}

export interface PublishedProperty {
  name: string;
  type: string;
  required: boolean;
  /** Type of the values of a map property, from its "» additionalProperties" row. */
  additionalProperties?: string;
  line: number;
}

export interface PublishedEnumValue {
  property: string;
  value: string;
  line: number;
}

export interface PublishedSchema {
  name: string;
  properties: PublishedProperty[];
  /** Type of the values when the schema itself is a map (a top-level additionalProperties row). */
  additionalProperties?: string;
  enumValues: PublishedEnumValue[];
  line: number;
}

export interface PublishedReference {
  /** Group headings, in order. */
  groups: string[];
  operations: PublishedOperation[];
  schemas: PublishedSchema[];
}

const OPERATION_LINE = /^(GET|PUT|POST|DELETE|OPTIONS|HEAD|PATCH|TRACE) (\/api\/\S*)$/;
const PROPERTY_HEADER = "Name Type Required Restrictions Description";
const PROPERTY_ROW = /^(?:(»)\s+)?(\S+)\s+(\S+)\s+(true|false)\s+(\S+)(?:\s+(.*))?$/;
const ENUM_HEADER = "Property Value";
const ENUM_ROW = /^(\S+)\s+(\S.*)$/;
/** A row of a "Responses" table ("404 Not Found Not Found None"): what ends an operation. */
const RESPONSE_ROW = /^\d{3}\s/;

function fail(index: number, message: string): never {
  throw new Error(`spec-check: reference line ${index + 1}: ${message}`);
}

export function parseReference(text: string): PublishedReference {
  const lines = text.split(/\r?\n/).map((line) => line.trimEnd());
  const schemasStart = lines.indexOf("Schemas");
  if (schemasStart === -1) throw new Error('spec-check: the reference has no "Schemas" heading');

  /** The `count` non-blank lines before index `at`, nearest first. */
  const before = (at: number, count: number): string[] => {
    const found: string[] = [];
    for (let i = at - 1; i >= 0 && found.length < count; i--) {
      const line = lines[i] ?? "";
      if (line !== "") found.push(line);
    }
    return found;
  };
  /** Index of the first non-blank line at or after `from`. */
  const nextNonBlank = (from: number): number => {
    let i = from;
    while (i < lines.length && lines[i] === "") i++;
    return i;
  };

  const groups: string[] = [];
  const operations: PublishedOperation[] = [];
  const seenOperations = new Set<string>();
  let group: string | undefined;
  let summary: string | undefined;
  for (let i = 0; i < schemasStart; i++) {
    const line = lines[i] ?? "";
    if (line === "Code samples") {
      const [title, above, heading] = before(i, 3);
      summary = title;
      // A new group puts its heading and description between the previous operation's
      // responses table (or the page header) and this operation's title.
      if (above !== undefined && !RESPONSE_ROW.test(above) && heading !== undefined) {
        group = heading;
        if (!groups.includes(heading)) groups.push(heading);
      }
      continue;
    }
    if (line === "Enumerated Values") fail(i, "enumerated values outside the Schemas section");
    const match = OPERATION_LINE.exec(line);
    if (match === null) continue;
    const [, method = "", path = ""] = match;
    const key = `${method} ${path}`;
    if (seenOperations.has(key)) continue;
    seenOperations.add(key);
    operations.push({ method, path, group, summary, line: i + 1 });
  }

  const schemas: PublishedSchema[] = [];
  let current: PublishedSchema | undefined;
  for (let i = schemasStart + 1; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (line === "Properties") {
      const [name] = before(i, 1);
      if (name === undefined) fail(i, '"Properties" without a schema title');
      const schema: PublishedSchema = { name, properties: [], enumValues: [], line: i + 1 };
      if (schemas.some((s) => s.name === schema.name)) fail(i, `schema ${schema.name} twice`);
      schemas.push(schema);
      current = schema;
      const header = nextNonBlank(i + 1);
      if (lines[header] !== PROPERTY_HEADER) fail(header, `expected "${PROPERTY_HEADER}"`);
      let row = header + 1;
      for (; row < lines.length && lines[row] !== ""; row++) {
        const cells = PROPERTY_ROW.exec(lines[row] ?? "");
        if (cells === null) continue; // the description of the row above goes on
        const [, sub, propertyName = "", type = "", required] = cells;
        if (sub !== undefined) {
          const map = schema.properties.at(-1);
          if (map === undefined) fail(row, '"»" row without a property above it');
          map.additionalProperties = type;
        } else if (propertyName === "additionalProperties") {
          schema.additionalProperties = type;
        } else {
          schema.properties.push({
            name: propertyName,
            type,
            required: required === "true",
            line: row + 1,
          });
        }
      }
      i = row;
      continue;
    }
    if (line === "Enumerated Values") {
      if (current === undefined) fail(i, "enumerated values before any schema");
      const header = nextNonBlank(i + 1);
      if (lines[header] !== ENUM_HEADER) fail(header, `expected "${ENUM_HEADER}"`);
      let row = header + 1;
      for (; row < lines.length && lines[row] !== ""; row++) {
        const cells = ENUM_ROW.exec(lines[row] ?? "");
        if (cells === null) fail(row, "not a Property Value row");
        const [, property = "", value = ""] = cells;
        current.enumValues.push({ property, value, line: row + 1 });
      }
      i = row;
    }
  }

  return { groups, operations, schemas };
}
