import type { OpenAPIDocument } from "../spec.js";
import { isObject, type Json } from "./json-schema.js";

/** Types the examples are checked against, by operationId: request and 200 answer. */
export type ExampleTypes = Record<string, { request?: string; response?: string }>;

function identifier(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
}

function examplesOf(media: unknown): Array<[string, Json]> {
  if (!isObject(media)) return [];
  const named = media["examples"];
  if (isObject(named)) {
    return Object.entries(named).flatMap(([name, example]) =>
      isObject(example) && "value" in example ? [[name, example["value"] as Json]] : [],
    );
  }
  return "example" in media ? [["default", media["example"] as Json]] : [];
}

/** `src/generated/examples.ts`: each webhook's request (and 200 response) examples, by name. */
export function examplesSource(spec: OpenAPIDocument, exampleTypes: ExampleTypes): string {
  const imports = new Set<string>();
  const blocks: string[] = [];
  const webhooks = (spec as { webhooks?: Record<string, unknown> }).webhooks ?? {};
  for (const [key, item] of Object.entries(webhooks)) {
    const post = isObject(item) ? item["post"] : undefined;
    if (!isObject(post)) continue;
    const operationId = String(post["operationId"] ?? key);
    const types = exampleTypes[operationId] ?? {};
    const body = isObject(post["requestBody"]) ? post["requestBody"]["content"] : undefined;
    const ok = isObject(post["responses"]) ? post["responses"]["200"] : undefined;
    const okContent = isObject(ok) ? ok["content"] : undefined;
    const sections: Array<[string, string | undefined, Array<[string, Json]>, string]> = [
      [
        `${operationId}Examples`,
        types.request,
        examplesOf(isObject(body) ? body["application/json"] : undefined),
        `The spec's examples of the \`${operationId}\` webhook's request body, by name.`,
      ],
      [
        `${operationId}ResponseExamples`,
        types.response,
        examplesOf(isObject(okContent) ? okContent["application/json"] : undefined),
        `The spec's examples of the answer to the \`${operationId}\` webhook, by name.`,
      ],
    ];
    for (const [name, type, examples, doc] of sections) {
      if (examples.length === 0) continue;
      if (type) imports.add(type);
      const entries = examples
        .map(([example, value]) => `${identifier(example)}: ${JSON.stringify(value)}`)
        .join(",\n");
      blocks.push(
        `/** ${doc} */\nexport const ${name} = {\n${entries}\n}${
          type ? ` satisfies Record<string, ${type}>` : ""
        };`,
      );
    }
  }
  const head = imports.size
    ? `import type { ${[...imports].sort().join(", ")} } from "@mehery/xms-webhook-types";\n\n`
    : "";
  return `${head}${blocks.join("\n\n")}\n`;
}
