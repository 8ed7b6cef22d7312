import { jsdoc, pascalCase } from "../names.js";
import type { OperationInfo } from "../read/operations.js";

const JSON_TYPE = "application/json";

/**
 * Webhook operations → the payload each one delivers (`<OpId>Payload`) and, where the platform
 * expects a JSON answer, the answer's type: `<OpId without "Request">Response`
 * (`contactInfoRequest` → `ContactInfoResponse`). Indexed straight from `webhooks` of
 * @mehery/xms-types, so the two packages cannot disagree.
 */
export function transformWebhookPayloads(ops: OperationInfo[], typesModule: string): string {
  const webhooks = ops.filter((op) => op.source === "webhooks");
  const root = (op: OperationInfo) =>
    `webhooks[${JSON.stringify(op.key)}][${JSON.stringify(op.method)}]`;
  const types = webhooks.flatMap((op) => {
    const name = pascalCase(op.operationId);
    const summary = op.operation.summary ? ` (${op.operation.summary})` : "";
    const out: string[] = [];
    if (op.requestBody?.content && JSON_TYPE in op.requestBody.content) {
      out.push(
        `${jsdoc(`What the platform POSTs to your webhook URL for \`${op.key}\`${summary}.`)}export type ${name}Payload = ${root(op)}["requestBody"]["content"]["${JSON_TYPE}"];`,
      );
    }
    if (op.okResponse?.content && JSON_TYPE in op.okResponse.content) {
      out.push(
        `${jsdoc(`What to answer \`${op.key}\` with: the JSON body of a 200.`)}export type ${name.replace(/Request$/, "")}Response = ${root(op)}["responses"][200]["content"]["${JSON_TYPE}"];`,
      );
    }
    return out;
  });
  return `import type { webhooks } from "${typesModule}";\n\n${types.join("\n\n")}\n`;
}
