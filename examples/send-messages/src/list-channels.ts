import type { XmsClient } from "@mehery/xms-client";
import type { ListChannelsResponse, ListTemplatesResponse } from "@mehery/xms-types";

/** Lists the channels of the account (sandbox channels left out). */
export async function listChannels(xms: XmsClient): Promise<ListChannelsResponse> {
  return xms.config.listChannels();
}

/** Lists the templates approved for one channel. */
export async function listTemplates(
  xms: XmsClient,
  channelId: string,
): Promise<ListTemplatesResponse> {
  return xms.config.listTemplates({ channelId, channelStatus: "APPROVED" });
}
