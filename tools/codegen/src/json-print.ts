/**
 * A JSON value printed exactly as `prettier --parser json` prints `JSON.stringify(value)`, without
 * prettier: an object or array goes on one line when it fits in `printWidth` (with the comma that
 * follows it), else one entry per line; an array of two or more objects (or arrays) of two or more
 * entries each always breaks. Prettier takes 0.6 s to format the 130 kB openapi.json; this takes
 * milliseconds.
 *
 * Returns `undefined` where prettier's output is not certain (a non-ASCII or non-Latin string
 * whose display width prettier measures its own way, a number in exponent form, an array of
 * numbers too long for one line, which prettier fills): the caller formats with prettier then.
 * The drift and json-print tests compare both on the real spec and on every fixture.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

class Uncertain extends Error {}

/** Display width as prettier counts it, for the characters where it is certainly one per char. */
function width(text: string): number {
  // Printable ASCII, Latin-1 and Latin Extended, general punctuation (… – — ’ “): one column each.
  if (/^[\x20-\x7e\u00a0-\u024f\u2010-\u2027\u2030-\u205e]*$/.test(text)) return text.length;
  throw new Uncertain();
}

function scalar(value: null | boolean | number | string): string {
  if (typeof value === "number" && !/^-?\d+(\.\d+)?$/.test(String(value))) throw new Uncertain();
  const text = JSON.stringify(value);
  // Every string is checked, so that a line's length is its width wherever a break is decided.
  if (typeof value === "string") width(text);
  return text;
}

class TooWide extends Error {}

/**
 * The value on one line, as prettier prints a group that fits; throws TooWide as soon as it is
 * wider than `budget` (so that each large object is not printed flat once per level above it).
 */
function flat(value: Json, budget = Infinity): string {
  if (value === null || typeof value !== "object") return scalar(value);
  const isArray = Array.isArray(value);
  const entries = isArray ? value.map((v) => ["", v] as const) : Object.entries(value);
  if (entries.length === 0) return isArray ? "[]" : "{}";
  // A group that must break breaks every group around it too (prettier's propagateBreaks).
  if (isArray && alwaysBreaks(value)) throw new TooWide();
  let out = isArray ? "[" : "{ ";
  for (const [i, [key, v]] of entries.entries()) {
    if (i > 0) out += ", ";
    if (!isArray) out += `${scalar(key)}: `;
    if (out.length > budget) throw new TooWide();
    out += flat(v, budget - out.length);
  }
  out += isArray ? "]" : " }";
  if (out.length > budget) throw new TooWide();
  return out;
}

/** `flat(value)` if it is at most `budget` columns wide, else undefined. */
function flatWithin(value: Json, budget: number): string | undefined {
  try {
    return flat(value, budget);
  } catch (error) {
    if (error instanceof TooWide) return undefined;
    throw error;
  }
}

function entryCount(value: Json): number {
  if (value === null || typeof value !== "object") return -1;
  return Array.isArray(value) ? value.length : Object.keys(value).length;
}

/** Prettier's rule: `[{ a, b }, { c, d }]` (objects, or arrays, of 2+ entries each) never hugs. */
function alwaysBreaks(array: Json[]): boolean {
  if (array.length < 2) return false;
  const kind = (v: Json) =>
    Array.isArray(v) ? "array" : typeof v === "object" && v ? "object" : "";
  const first = kind(array[0]!);
  return first !== "" && array.every((v) => kind(v) === first && entryCount(v) > 1);
}

interface Layout {
  printWidth: number;
  tabWidth: number;
}

/**
 * `value` printed at `indent` columns, starting at column `column`, followed on its line by
 * `trailing` (a comma or nothing).
 */
function print(
  value: Json,
  indent: number,
  column: number,
  trailing: string,
  layout: Layout,
): string {
  if (value === null || typeof value !== "object" || entryCount(value) === 0) return flat(value);
  const isArray = Array.isArray(value);
  const oneLine = flatWithin(value, layout.printWidth - column - trailing.length);
  if (oneLine !== undefined) return oneLine;
  if (isArray && value.every((v) => typeof v === "number")) throw new Uncertain();
  const inner = indent + layout.tabWidth;
  const pad = " ".repeat(inner);
  const entries: [string, Json][] = isArray
    ? value.map((v) => ["", v])
    : Object.entries(value).map(([key, v]) => [`${scalar(key)}: `, v]);
  const lines = entries.map(([prefix, v], i) => {
    const comma = i < entries.length - 1 ? "," : "";
    return `${pad}${prefix}${print(v, inner, inner + prefix.length, comma, layout)}${comma}`;
  });
  const [open, close] = isArray ? ["[", "]"] : ["{", "}"];
  return `${open}\n${lines.join("\n")}\n${" ".repeat(indent)}${close}`;
}

/** `value` as prettier's json parser formats it, or `undefined` when that is not certain. */
export function printJson(value: unknown, layout: Layout): string | undefined {
  try {
    return `${print(value as Json, 0, 0, "", layout)}\n`;
  } catch (error) {
    if (error instanceof Uncertain) return undefined;
    throw error;
  }
}
