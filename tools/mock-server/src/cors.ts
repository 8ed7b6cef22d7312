/**
 * CORS for a browser client on another origin (a page served by a test runner). Every
 * answer allows any origin; a preflight allows the path's methods and the headers the API
 * uses, plus whatever other method or header the browser asks for, so that the mock (not
 * the browser) judges the request: a page that PUTs sees the mock's 405, not "Failed to fetch".
 */
const allowedHeaders = ["content-type", "prefer", "x-api-id", "x-api-key"];

export const corsHeaders: Readonly<Record<string, string>> = {
  "access-control-allow-origin": "*",
  "access-control-expose-headers": "allow, retry-after",
};

export function preflightHeaders(
  methods: readonly string[],
  requestedMethod: string | null,
  requestedHeaders: string | null,
): Record<string, string> {
  const method = (requestedMethod ?? "").trim().toUpperCase();
  const allowedMethods = [...methods, "OPTIONS"];
  if (/^[A-Z]+$/.test(method) && !allowedMethods.includes(method)) allowedMethods.push(method);
  const requested = (requestedHeaders ?? "")
    .split(",")
    .map((name) => name.trim().toLowerCase())
    .filter((name) => /^[!#$%&'*+.^_`|~0-9a-z-]+$/.test(name));
  return {
    ...corsHeaders,
    "access-control-allow-methods": allowedMethods.join(", "),
    "access-control-allow-headers": [...new Set([...allowedHeaders, ...requested])].join(", "),
    "access-control-max-age": "600",
  };
}
