import { createClient, isXmsRateLimitError, type XmsClient } from "@mehery/xms-client";

const xms: XmsClient = createClient({ apiKey: "k", apiId: "i" });
const receipt = await xms.messages.send({
  channelId: "wa360:918828218374",
  to: { phone: "919988776655" },
  type: "text",
  text: { body: "hi" },
});
const id: string = receipt.data.id;
const { data } = await xms.GET("/api/v1/config/channels", { params: { query: { sabdnox: true } } });
const channels: unknown[] | undefined = data?.results;
// @ts-expect-error: send takes a message body
await xms.messages.send({ sessionId: "s1" });
export const used = [id, channels, isXmsRateLimitError];
