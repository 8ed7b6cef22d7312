import type { TagObject } from "openapi-typescript";
import { jsdoc, literal, pascalCase } from "../names.js";
import type { OperationInfo } from "../read/operations.js";

const SAFE_METHODS = new Set(["get", "head", "options"]);

/** What the client needs to call one operation. */
export interface ResourceMethod {
  name: string;
  method: string;
  path: string;
  operationId: string;
  idempotent: boolean;
  input: "body" | "query" | "none";
  summary: string | undefined;
  /** The operation's full description, for the method's TSDoc. */
  description: string | undefined;
  /** Whether a query parameter is required (the query argument is then too). */
  queryRequired: boolean;
  /** Whether the 200 response has a JSON body (a named `<OpId>Response` type). */
  jsonResponse: boolean;
}

function extension<T>(object: object, name: string): T | undefined {
  return (object as Record<string, unknown>)[name] as T | undefined;
}

/** GET/HEAD/OPTIONS, or what the spec marks `x-idempotent: true`, may be retried. */
function isIdempotent(op: OperationInfo): boolean {
  return SAFE_METHODS.has(op.method) || extension<boolean>(op.operation, "x-idempotent") === true;
}

function inputOf(op: OperationInfo): ResourceMethod["input"] {
  if (op.requestBody) return "body";
  if (op.queryParameters.length > 0) return "query";
  return "none";
}

/**
 * `paths` operations → `{ [x-sdk-resource of the tag]: { [x-sdk-method]: ResourceMethod } }`,
 * resources in the order of the spec's tags, methods in the order of `paths`.
 */
export function groupResources(
  tags: TagObject[],
  operations: OperationInfo[],
): Map<string, ResourceMethod[]> {
  const resourceOfTag = new Map<string, string>();
  const groups = new Map<string, ResourceMethod[]>();
  for (const tag of tags) {
    const resource = extension<string>(tag, "x-sdk-resource");
    if (resource === undefined) continue;
    resourceOfTag.set(tag.name, resource);
    if (!groups.has(resource)) groups.set(resource, []);
  }
  for (const op of operations.filter((o) => o.source === "paths")) {
    const resources = (op.operation.tags ?? []).flatMap((t) => resourceOfTag.get(t) ?? []);
    const resource = resources[0];
    if (resource === undefined) {
      throw new Error(
        `xms-codegen: ${op.operationId} has no tag with an x-sdk-resource (tags: ${(op.operation.tags ?? []).join(", ") || "none"})`,
      );
    }
    const methods = groups.get(resource)!;
    const name = extension<string>(op.operation, "x-sdk-method") ?? op.operationId;
    if (methods.some((m) => m.name === name)) {
      throw new Error(`xms-codegen: two operations are ${resource}.${name}`);
    }
    methods.push({
      name,
      method: op.method.toUpperCase(),
      path: op.key,
      operationId: op.operationId,
      idempotent: isIdempotent(op),
      input: inputOf(op),
      summary: op.operation.summary,
      description: op.operation.description,
      queryRequired: op.queryParameters.some((p) => p.required === true),
      jsonResponse: op.okResponse?.content?.["application/json"] !== undefined,
    });
  }
  for (const [resource, methods] of groups) if (methods.length === 0) groups.delete(resource);
  return groups;
}

/** The TSDoc of a resource method: summary, description, idempotency, reference entry. */
function methodDoc(m: ResourceMethod): string {
  const retry = m.idempotent
    ? "Idempotent: the client retries it on 408, 429, 5xx and connection failures."
    : "Not idempotent: the client retries it only when the server cannot have processed it " +
      "(a 429, or a connection that provably never opened). Before sending again after an " +
      "`XmsConnectionError`, read its `sent`.";
  return [
    m.summary ? `${m.summary.replace(/\.?$/, ".")}` : `\`${m.operationId}\`.`,
    m.description?.trim(),
    retry,
    `\`${m.method} ${m.path}\` (operation \`${m.operationId}\`).`,
    `@see API reference: \`#operation/${m.operationId}\` on the reference site (\`pnpm --filter @mehery/xms-docs build\`).`,
  ]
    .filter(Boolean)
    .join("\n\n");
}

/** The signature of a resource method, with the named types of @mehery/xms-types. */
function signature(m: ResourceMethod, types: Set<string>): string {
  const base = pascalCase(m.operationId);
  const use = (name: string) => (types.add(name), name);
  const result = m.jsonResponse ? use(`${base}Response`) : "unknown";
  const first =
    m.input === "body"
      ? `body: ${use(`${base}Body`)}, `
      : m.input === "query"
        ? `query${m.queryRequired ? "" : "?"}: ${use(`${base}Query`)}, `
        : "";
  return `${m.name}(${first}options?: CallOptions): Promise<${result}>;`;
}

/**
 * One interface per resource (`MessagesResource`, ...) and `Resources`, the client's resource
 * part: named methods with named types, so that hover and completion show `send(body:
 * SendMessageBody, options?: CallOptions): Promise<SendMessageResponse>` and the operation's docs.
 */
export function transformResourceTypes(groups: Map<string, ResourceMethod[]>): string {
  const types = new Set<string>();
  const interfaces = [...groups].map(([resource, methods]) => {
    const members = methods
      .map((m) => `${jsdoc(methodDoc(m), "  ")}  ${signature(m, types)}`)
      .join("\n");
    return `/** \`client.${resource}\`: ${methods.map((m) => m.name).join(", ")}. */\nexport interface ${pascalCase(resource)}Resource {\n${members}\n}\n`;
  });
  const all = [...groups.keys()]
    .map((r) => `  readonly ${r}: ${pascalCase(r)}Resource;`)
    .join("\n");
  return [
    `import type {\n${[...types].map((t) => `  ${t},`).join("\n")}\n} from "@mehery/xms-types";`,
    `import type { CallOptions } from "../call-options.js";\n`,
    ...interfaces,
    `/** The resource methods of the client: \`client.messages.send(...)\`, ... */\nexport interface Resources {\n${all}\n}\n`,
  ].join("\n");
}

/**
 * The `resources` table of @mehery/xms-client, as TypeScript source (data only). Each entry holds
 * what the client reads at run time (method, path, idempotent, input); the operationId, which it
 * does not read, is left in the JSDoc comment so that it costs the bundle nothing.
 */
export function transformResources(groups: Map<string, ResourceMethod[]>): string {
  const body = [...groups]
    .map(([resource, methods]) => {
      const entries = methods.map((m) => {
        const doc = m.summary ? `${m.summary} (\`${m.operationId}\`)` : `\`${m.operationId}\``;
        return `${jsdoc(doc, "    ")}    ${m.name}: { method: ${literal(m.method)}, path: ${literal(m.path)}, idempotent: ${m.idempotent}, input: ${literal(m.input)} },`;
      });
      return `  ${resource}: {\n${entries.join("\n")}\n  },`;
    })
    .join("\n");
  return `/** Every operation of the API, by SDK resource and method name. */\nexport const resources = {\n${body}\n} as const;\n`;
}
