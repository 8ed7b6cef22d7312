/** What a smoke entry prints (process runtimes) or leaves in the page (the browser). */
export interface SmokeResult {
  client?: { channels: string; receipt: string; pathChannels: string; pathReceipt: string };
  webhooks?: { valid: number; invalid: number; texts: string[] };
}

export type Part = "client" | "webhooks";

/** The mock answers with the spec's examples; these are in them. */
const exampleChannelId = "wa360:918828218374";
const exampleMessageId = "gBEGkYiEB1VXAglK1ZEqA1YKPrU";

/** Everything wrong with a smoke result, in words; empty when it passed. */
export function problemsIn(result: SmokeResult | undefined, parts: readonly Part[]): string[] {
  const problems: string[] = [];
  if (result === undefined) return ["no result"];
  if (parts.includes("client")) {
    if (result.client === undefined) problems.push("client: no result");
    else {
      if (!result.client.channels.includes(exampleChannelId))
        problems.push(
          `client: listChannels() did not return ${exampleChannelId}: ${result.client.channels}`,
        );
      if (!result.client.receipt.includes(exampleMessageId))
        problems.push(
          `client: send() did not return message id ${exampleMessageId}: ${result.client.receipt}`,
        );
      const { pathChannels, pathReceipt } = result.client;
      if (!pathChannels?.startsWith("200 ") || !pathChannels.includes(exampleChannelId))
        problems.push(
          `client: GET /api/v1/config/channels (path API) did not return 200 with ${exampleChannelId}: ${pathChannels}`,
        );
      if (!pathReceipt?.startsWith("200 ") || !pathReceipt.includes(exampleMessageId))
        problems.push(
          `client: POST /api/v1/message/send (path API) did not return 200 with ${exampleMessageId}: ${pathReceipt}`,
        );
    }
  }
  if (parts.includes("webhooks")) {
    const webhooks = result.webhooks;
    if (webhooks === undefined) problems.push("webhooks: no result");
    else {
      if (webhooks.valid !== 200)
        problems.push(`webhooks: the right token was answered ${webhooks.valid}, not 200`);
      if (webhooks.invalid !== 401)
        problems.push(`webhooks: a wrong token was answered ${webhooks.invalid}, not 401`);
      const want = JSON.stringify(["Hi, where is my order? (matrix-1)"]);
      if (JSON.stringify(webhooks.texts) !== want)
        problems.push(
          `webhooks: the message.text handler saw ${JSON.stringify(webhooks.texts)}, not ${want}`,
        );
    }
  }
  return problems;
}
