/**
 * Coverage of the published reference by the spec: every published operation, schema,
 * property and enum value is either in spec/openapi.yaml or accounted for in
 * spec/CORRECTIONS.md.
 */
import type { Corrections, CorrectionRow } from "./corrections.js";
import { composedSchemas } from "@mehery/xms-spec-model";
import { arrayAt, isObject, objectAt, type JsonObject } from "./json.js";
import type { PublishedReference } from "./reference.js";

export type CoverageKind = "operation" | "schema" | "property" | "enum value";

export interface CoverageItem {
  kind: CoverageKind;
  /** `GET /api/v1/config/channels`, `Attachment`, `Attachment.mediaId`, `Attachment.mediaType = PDF`. */
  key: string;
  /** Where it is accounted for: in the spec, in CORRECTIONS.md, or nowhere. */
  status: "spec" | "corrections" | "missing";
  /** What accounts for it (`#/components/schemas/X`, `CORRECTIONS.md row 14`) or why it is missing. */
  detail: string;
}

export interface CoverageCount {
  total: number;
  accounted: number;
  viaCorrections: number;
}

export interface CoverageReport {
  items: CoverageItem[];
  counts: Record<CoverageKind, CoverageCount>;
  missing: CoverageItem[];
}

export const COVERAGE_KINDS: readonly CoverageKind[] = [
  "operation",
  "schema",
  "property",
  "enum value",
];

/** `operations 14/14, schemas 82/82 (…), …` */
export function formatCounts(counts: Record<CoverageKind, CoverageCount>): string {
  const plural: Record<CoverageKind, string> = {
    operation: "operations",
    schema: "schemas",
    property: "properties",
    "enum value": "enum values",
  };
  return COVERAGE_KINDS.map((kind) => {
    const { total, accounted, viaCorrections } = counts[kind];
    return `${plural[kind]} ${accounted}/${total} (${viaCorrections} via CORRECTIONS.md)`;
  }).join(", ");
}

/**
 * The property schemas called `name` that `schema` can have: its own, those of every `allOf`
 * member and those of any `oneOf`/`anyOf` branch, following `$ref`s.
 */
export function findPropertySchemas(spec: JsonObject, schema: unknown, name: string): unknown[] {
  return composedSchemas(schema, spec).flatMap((node) => {
    const properties = objectAt(node, "properties");
    return properties !== undefined && Object.hasOwn(properties, name) ? [properties[name]] : [];
  });
}

/**
 * The values a schema names: its `enum`, `const` and `examples`, and those of its
 * `allOf`/`anyOf`/`oneOf` members, following `$ref`s. Compared as strings.
 */
export function knownValues(spec: JsonObject, schema: unknown): Set<string> {
  const values = new Set<string>();
  for (const node of composedSchemas(schema, spec)) {
    for (const value of arrayAt(node, "enum") ?? []) values.add(String(value));
    if (Object.hasOwn(node, "const")) values.add(String(node.const));
    for (const value of arrayAt(node, "examples") ?? []) {
      if (!isObject(value) && !Array.isArray(value)) values.add(String(value));
    }
  }
  return values;
}

function rowLabel(row: CorrectionRow): string {
  return `CORRECTIONS.md row ${row.id} (line ${row.line})`;
}

export function checkCoverage(
  reference: PublishedReference,
  spec: JsonObject,
  corrections: Corrections,
): CoverageReport {
  const items: CoverageItem[] = [];
  const schemas = objectAt(objectAt(spec, "components"), "schemas") ?? {};
  const paths = objectAt(spec, "paths") ?? {};

  /** Rows whose Location cell names `name` in backticks. */
  const rowsAt = new Map<string, CorrectionRow[]>();
  for (const row of corrections.rows) {
    for (const name of row.locationNames) {
      rowsAt.set(name, [...(rowsAt.get(name) ?? []), row]);
    }
  }
  const firstRowAt = (...names: string[]): CorrectionRow | undefined => {
    for (const name of names) {
      const row = rowsAt.get(name)?.[0];
      if (row !== undefined) return row;
    }
    return undefined;
  };
  const renamed = new Map(corrections.schemaNames.map((row) => [row.published, row]));

  for (const { method, path } of reference.operations) {
    const key = `${method} ${path}`;
    const inSpec = objectAt(objectAt(paths, path), method.toLowerCase());
    const row = firstRowAt(key);
    items.push(
      inSpec !== undefined
        ? {
            kind: "operation",
            key,
            status: "spec",
            detail: `paths.${path}.${method.toLowerCase()}`,
          }
        : row !== undefined
          ? { kind: "operation", key, status: "corrections", detail: rowLabel(row) }
          : { kind: "operation", key, status: "missing", detail: "not under paths" },
    );
  }

  for (const published of reference.schemas) {
    const nameRow = renamed.get(published.name);
    const inlined = nameRow !== undefined && nameRow.spec === null;
    const specName = nameRow?.spec ?? published.name;
    const specSchema = inlined ? undefined : schemas[specName];
    const names = inlined ? [published.name] : [published.name, specName];

    if (inlined) {
      items.push({
        kind: "schema",
        key: published.name,
        status: "corrections",
        detail: `CORRECTIONS.md "Schema names" (inlined, line ${nameRow.line})`,
      });
    } else if (specSchema !== undefined) {
      items.push({
        kind: "schema",
        key: published.name,
        status: "spec",
        detail: `#/components/schemas/${specName}`,
      });
    } else {
      items.push({
        kind: "schema",
        key: published.name,
        status: "missing",
        detail: `no components.schemas.${specName}${nameRow ? ` (renamed at line ${nameRow.line})` : ""}`,
      });
    }

    for (const property of published.properties) {
      const key = `${published.name}.${property.name}`;
      const found =
        specSchema === undefined ? [] : findPropertySchemas(spec, specSchema, property.name);
      const row = firstRowAt(...names.map((n) => `${n}.${property.name}`), ...names);
      if (found.length > 0) {
        items.push({
          kind: "property",
          key,
          status: "spec",
          detail: `#/components/schemas/${specName}`,
        });
      } else if (inlined) {
        items.push({
          kind: "property",
          key,
          status: "corrections",
          detail: `CORRECTIONS.md "Schema names" (inlined, line ${nameRow.line})`,
        });
      } else if (row !== undefined) {
        items.push({ kind: "property", key, status: "corrections", detail: rowLabel(row) });
      } else {
        items.push({
          kind: "property",
          key,
          status: "missing",
          detail: `components.schemas.${specName} has no property ${property.name}`,
        });
      }
    }

    for (const { property, value } of published.enumValues) {
      const key = `${published.name}.${property} = ${value}`;
      const found = specSchema === undefined ? [] : findPropertySchemas(spec, specSchema, property);
      const values = new Set<string>();
      for (const schema of found) for (const v of knownValues(spec, schema)) values.add(v);
      const row = names
        .flatMap((n) => rowsAt.get(`${n}.${property}`) ?? [])
        .find((r) => r.asPublishedNames.includes(value));
      if (values.has(value)) {
        items.push({
          kind: "enum value",
          key,
          status: "spec",
          detail: `#/components/schemas/${specName} (${property})`,
        });
      } else if (row !== undefined) {
        items.push({ kind: "enum value", key, status: "corrections", detail: rowLabel(row) });
      } else {
        items.push({
          kind: "enum value",
          key,
          status: "missing",
          detail:
            found.length === 0
              ? `components.schemas.${specName} has no property ${property}`
              : `${JSON.stringify(value)} is not among enum/const/examples [${[...values].join(", ")}]`,
        });
      }
    }
  }

  const counts = Object.fromEntries(
    COVERAGE_KINDS.map((kind) => {
      const ofKind = items.filter((item) => item.kind === kind);
      return [
        kind,
        {
          total: ofKind.length,
          accounted: ofKind.filter((item) => item.status !== "missing").length,
          viaCorrections: ofKind.filter((item) => item.status === "corrections").length,
        },
      ];
    }),
  ) as Record<CoverageKind, CoverageCount>;

  return { items, counts, missing: items.filter((item) => item.status === "missing") };
}
