/**
 * Parser of the two tables of spec/CORRECTIONS.md the coverage check reads:
 * - "Schema names": published name (in backticks) → spec name (in backticks) or "(inlined)";
 * - "Corrections": its Location cell names what a row is about (`Schema`, `Schema.property`
 *   or `METHOD /path`, in backticks) and its "As published" cell quotes the published text.
 */

export interface SchemaNameRow {
  published: string;
  /** The spec's name, or null when the schema is inlined where it is used. */
  spec: string | null;
  line: number;
}

export interface CorrectionRow {
  id: string;
  location: string;
  /** The code spans of the Location cell. */
  locationNames: string[];
  asPublished: string;
  /** The code spans of the "As published" cell. */
  asPublishedNames: string[];
  line: number;
}

export interface Corrections {
  schemaNames: SchemaNameRow[];
  rows: CorrectionRow[];
}

/** The code spans (`...`) of a Markdown table cell. */
export function codeSpans(cell: string): string[] {
  return [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1] ?? "");
}

function splitRow(line: string): string[] {
  const cells = line
    .trim()
    .replace(/^\|/, "")
    .replace(/\|$/, "")
    .split(/(?<!\\)\|/);
  return cells.map((cell) => cell.trim().replace(/\\\|/g, "|"));
}

interface Table {
  header: string[];
  rows: { cells: string[]; line: number }[];
}

/** The first table under the `## <heading>` section. */
function tableUnder(lines: string[], heading: string): Table {
  const start = lines.findIndex((line) => line.trim() === `## ${heading}`);
  if (start === -1) throw new Error(`spec-check: CORRECTIONS.md has no "## ${heading}" section`);
  let i = start + 1;
  while (i < lines.length && !(lines[i] ?? "").startsWith("|")) {
    if ((lines[i] ?? "").startsWith("## ")) break;
    i++;
  }
  const headerLine = lines[i];
  if (headerLine === undefined || !headerLine.startsWith("|")) {
    throw new Error(`spec-check: CORRECTIONS.md section "${heading}" has no table`);
  }
  const header = splitRow(headerLine);
  const rows: Table["rows"] = [];
  for (i += 2; i < lines.length && (lines[i] ?? "").startsWith("|"); i++) {
    rows.push({ cells: splitRow(lines[i] ?? ""), line: i + 1 });
  }
  return { header, rows };
}

function column(table: Table, name: string, heading: string): number {
  const index = table.header.indexOf(name);
  if (index === -1) {
    throw new Error(`spec-check: CORRECTIONS.md "${heading}" table has no "${name}" column`);
  }
  return index;
}

export function parseCorrections(markdown: string): Corrections {
  const lines = markdown.split(/\r?\n/);

  const names = tableUnder(lines, "Schema names");
  const publishedColumn = column(names, "Published", "Schema names");
  const specColumn = column(names, "In the spec", "Schema names");
  const schemaNames = names.rows.map(({ cells, line }): SchemaNameRow => {
    const [published] = codeSpans(cells[publishedColumn] ?? "");
    const specCell = cells[specColumn] ?? "";
    const [spec] = codeSpans(specCell);
    if (published === undefined || (spec === undefined && specCell !== "(inlined)")) {
      throw new Error(
        `spec-check: CORRECTIONS.md line ${line}: expected \`Published\` | \`Spec\` or (inlined)`,
      );
    }
    return { published, spec: spec ?? null, line };
  });

  const corrections = tableUnder(lines, "Corrections");
  const idColumn = column(corrections, "#", "Corrections");
  const locationColumn = column(corrections, "Location", "Corrections");
  const asPublishedColumn = column(corrections, "As published", "Corrections");
  const rows = corrections.rows.map(({ cells, line }): CorrectionRow => {
    const location = cells[locationColumn] ?? "";
    const asPublished = cells[asPublishedColumn] ?? "";
    return {
      id: cells[idColumn] ?? "",
      location,
      locationNames: codeSpans(location),
      asPublished,
      asPublishedNames: codeSpans(asPublished),
      line,
    };
  });

  return { schemaNames, rows };
}
