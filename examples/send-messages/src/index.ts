/**
 * Runs every scenario (or those named on the command line: text, template, image, channels,
 * templates) and prints what the API answered.
 *
 *   XMS_API_KEY=... XMS_API_ID=... pnpm start
 *   XMS_BASE_URL=http://127.0.0.1:4010 XMS_API_KEY=test XMS_API_ID=test pnpm start text
 */
import type { XmsClient } from "@mehery/xms-client";
import { clientFromEnv, recipientFromEnv, type Recipient } from "./config.js";
import { describeError } from "./describe-error.js";
import { listChannels, listTemplates } from "./list-channels.js";
import { sendImage } from "./send-media.js";
import { sendTemplate } from "./send-template.js";
import { sendText } from "./send-text.js";

type Scenario = (xms: XmsClient, to: Recipient) => Promise<string[]>;

const scenarios: Record<string, Scenario> = {
  async text(xms, to) {
    const receipt = await sendText(xms, to);
    return [`sent, id ${receipt.data.id} (${receipt.message})`];
  },
  async template(xms, to) {
    const receipt = await sendTemplate(xms, to);
    return [`sent, id ${receipt.data.id} (${receipt.message})`];
  },
  async image(xms, to) {
    const receipt = await sendImage(xms, to);
    return [`sent, id ${receipt.data.id} (${receipt.message})`];
  },
  async channels(xms) {
    const { results } = await listChannels(xms);
    return results.map((c) => `${c.channelId} ${c.contactType} "${c.name ?? ""}"`);
  },
  async templates(xms, to) {
    const { results } = await listTemplates(xms, to.channelId);
    return results.map(
      (t) => `${t.code} ${t.lang ?? ""} ${t.contactType ?? ""}: ${t.template ?? ""}`,
    );
  },
};

async function main(names: string[]): Promise<number> {
  const unknown = names.filter((name) => !Object.hasOwn(scenarios, name));
  if (unknown.length > 0) {
    console.error(
      `unknown scenario ${unknown.join(", ")}; pick from ${Object.keys(scenarios).join(", ")}`,
    );
    return 2;
  }
  let xms: XmsClient;
  try {
    xms = clientFromEnv();
  } catch (error) {
    console.error(describeError(error));
    return 1;
  }
  const to = recipientFromEnv();
  let failed = 0;
  for (const name of names.length > 0 ? names : Object.keys(scenarios)) {
    try {
      for (const line of await scenarios[name]!(xms, to)) console.log(`[${name}] ${line}`);
    } catch (error) {
      console.error(`[${name}] failed: ${describeError(error)}`);
      failed++;
    }
  }
  return failed > 0 ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
