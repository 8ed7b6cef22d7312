/** `sendMessage` → `SendMessage`. */
export function pascalCase(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** `ContactType` → `contactType`. */
export function camelCase(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** `ContactType` → `contactTypes`, `OutboxMessageStatus` → `outboxMessageStatuses`. */
export function pluralCamelCase(name: string): string {
  const camel = camelCase(name);
  return /(s|x|ch|sh)$/.test(camel) ? `${camel}es` : `${camel}s`;
}

/** A TypeScript string literal, as prettier will print it. */
export function literal(value: string): string {
  return JSON.stringify(value);
}

/** A JSDoc block from free text, or "" when there is none. */
export function jsdoc(text: string | undefined, indent = ""): string {
  if (!text || !text.trim()) return "";
  const lines = text.trim().replaceAll("*/", "*\\/").split("\n");
  if (lines.length === 1) return `${indent}/** ${lines[0]} */\n`;
  return `${indent}/**\n${lines.map((l) => `${indent} *${l ? ` ${l}` : ""}`).join("\n")}\n${indent} */\n`;
}
