/**
 * CORS for a browser client on another origin (a page served by a test runner). Every
 * answer allows any origin; a preflight allows the path's methods and the headers the API
 * uses, plus whatever else the browser asks for, so the mock (not the browser) is the one
 * that judges the request.
 */
const allowedHeaders = ["content-type", "prefer", "x-api-id", "x-api-key"];

export const corsHeaders: Readonly<Record<string, string>> = {
  "access-control-allow-origin": "*",
  "access-control-expose-headers": "allow, retry-after",
};

export function preflightHeaders(
  methods: readonly string[],
  requestedHeaders: string | null,
): Record<string, string> {
  const requested = (requestedHeaders ?? "")
    .split(",")
    .map((name) => name.trim().toLowerCase())
    .filter((name) => /^[!#$%&'*+.^_`|~0-9a-z-]+$/.test(name));
  return {
    ...corsHeaders,
    "access-control-allow-methods": [...methods, "OPTIONS"].join(", "),
    "access-control-allow-headers": [...new Set([...allowedHeaders, ...requested])].join(", "),
    "access-control-max-age": "600",
  };
}
