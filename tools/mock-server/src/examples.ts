import type { FieldError } from "./field-errors.js";
import { isObject, type JsonObject } from "./spec.js";

/** What the client asked for in `Prefer` (RFC 7240): `Prefer: example=image` or `Prefer: code=429`. */
export interface Preferences {
  readonly code?: string;
  readonly example?: string;
}

/**
 * An answer taken from the spec (its status, and its JSON body unless the response has no
 * content), or why there is none: 400 for a preference the spec cannot satisfy, 501 for a
 * response whose JSON content has no example.
 */
export type SpecAnswer =
  | {
      readonly ok: true;
      readonly status: number;
      readonly body?: unknown;
      /** Each response header the spec gives an example for (`Retry-After: 1` on a 429). */
      readonly headers: Readonly<Record<string, string>>;
    }
  | { readonly ok: false; readonly status: 400 | 501; readonly error: FieldError };

/** Parses `Prefer: code=429, example="image"`; other preferences are ignored. */
export function parsePrefer(header: string | null): Preferences {
  const preferences: { code?: string; example?: string } = {};
  if (header === null) return preferences;
  for (const part of header.split(/[,;]/)) {
    const match = /^\s*([A-Za-z-]+)\s*=\s*(?:"([^"]*)"|([^\s"]*))\s*$/.exec(part);
    if (!match) continue;
    const token = match[1]?.toLowerCase();
    const value = match[2] ?? match[3] ?? "";
    if (token === "code") preferences.code = value;
    if (token === "example") preferences.example = value;
  }
  return preferences;
}

/**
 * Picks the answer to a valid request from the operation's `responses`: the first 2xx
 * (or the status named by `Prefer: code=`), and of its `application/json` content the
 * `example`, or the named example of `examples` that `Prefer: example=` names (the first
 * by default). A preference the spec cannot satisfy is a FieldError, not a silent fallback:
 * a test that asks for an example it does not get should fail.
 */
export function pickAnswer(operation: JsonObject, preferences: Preferences): SpecAnswer {
  const responses = isObject(operation["responses"]) ? operation["responses"] : {};
  const codes = Object.keys(responses);
  const code = preferences.code ?? codes.find((c) => /^2\d\d$/.test(c));
  const response = code === undefined ? undefined : responses[code];
  if (code === undefined || !isObject(response) || !/^[1-5]\d\d$/.test(code)) {
    const possibleValues = codes.filter((c) => /^[1-5]\d\d$/.test(c));
    if (preferences.code === undefined) {
      return noExample("responses", "responses of the operation have no 2xx status in the spec");
    }
    return {
      ok: false,
      status: 400,
      error: {
        field: "header.prefer",
        code: "enum",
        description: `header.prefer asks for code=${preferences.code}, which the operation does not define`,
        possibleValues,
      },
    };
  }
  const status = Number(code);
  const headers = exampleHeaders(response);
  const content = isObject(response["content"]) ? response["content"] : undefined;
  const media = content === undefined ? undefined : content["application/json"];
  if (!isObject(media)) {
    if (preferences.example !== undefined) return noSuchExample(code, preferences.example, []);
    return { ok: true, status, headers };
  }
  const named = isObject(media["examples"]) ? media["examples"] : undefined;
  if (named !== undefined) {
    const names = Object.keys(named);
    const name = preferences.example ?? names[0];
    const example = name === undefined ? undefined : named[name];
    if (!isObject(example) || !("value" in example)) {
      return noSuchExample(code, preferences.example ?? "", names);
    }
    return { ok: true, status, body: example["value"], headers };
  }
  if (preferences.example !== undefined) return noSuchExample(code, preferences.example, []);
  if ("example" in media) return { ok: true, status, body: media["example"], headers };
  return noExample(`responses.${code}`, `responses.${code} has no example in the spec`);
}

/** The response's headers that have an `example` (or a first `examples` entry), as strings. */
function exampleHeaders(response: JsonObject): Record<string, string> {
  const headers: Record<string, string> = {};
  const declared = isObject(response["headers"]) ? response["headers"] : {};
  for (const [name, header] of Object.entries(declared)) {
    if (!isObject(header)) continue;
    const named = isObject(header["examples"]) ? Object.values(header["examples"])[0] : undefined;
    const example =
      "example" in header ? header["example"] : isObject(named) ? named["value"] : undefined;
    if (example === undefined || example === null || typeof example === "object") continue;
    headers[name.toLowerCase()] = String(example);
  }
  return headers;
}

function noSuchExample(code: string, name: string, names: readonly string[]): SpecAnswer {
  return {
    ok: false,
    status: 400,
    error: {
      field: "header.prefer",
      code: "enum",
      description:
        names.length === 0
          ? `header.prefer asks for example=${name}, but the ${code} response has no named examples`
          : `header.prefer asks for example=${name}, which the ${code} response does not name`,
      possibleValues: names,
    },
  };
}

function noExample(field: string, description: string): SpecAnswer {
  return { ok: false, status: 501, error: { field, code: "example", description } };
}
