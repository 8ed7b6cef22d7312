/**
 * The example bodies of the two inbound requests in the published reference (the copy kept by
 * tools/spec-check), verbatim: numbers stay numbers where the render printed them so.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const REFERENCE = fileURLToPath(
  new URL("../../../../tools/spec-check/test/fixtures/published-reference.txt", import.meta.url),
);

/** 1-based line of the reference where an example starts, and the body it holds. */
export interface PublishedExample {
  line: number;
  body: Record<string, unknown>;
}

/**
 * The "Body parameter" JSON of the operation whose `POST <path>` line stands alone (the
 * operation's own heading, not a code sample), up to the blank line before "Parameters".
 */
function bodyParameterOf(lines: readonly string[], path: string): PublishedExample {
  const heading = lines.indexOf(`POST ${path}`);
  const start = lines.indexOf("Body parameter", heading);
  const open = lines.indexOf("{", start);
  const end = lines.indexOf("Parameters", open);
  if (heading === -1 || start === -1 || open === -1 || end === -1) {
    throw new Error(`no "Body parameter" example for POST ${path} in the reference`);
  }
  const json = lines.slice(open, end).join("\n");
  return { line: open + 1, body: JSON.parse(json) as Record<string, unknown> };
}

const lines = readFileSync(REFERENCE, "utf8")
  .split(/\r?\n/)
  .map((line) => line.trimEnd());

/** The message notification's example (`POST /api/v1/message/receive`). */
export const publishedNotification = bodyParameterOf(lines, "/api/v1/message/receive");

/** The contact-information request's example (`POST /api/v1/contact/info`). */
export const publishedContactInfo = bodyParameterOf(lines, "/api/v1/contact/info");
