import type { XmsClient } from "@mehery/xms-client";
import type { SendMessageResponse } from "@mehery/xms-types";
import type { Recipient } from "./config.js";

/** Sends a plain text message. The receipt's `data.id` identifies it in later status webhooks. */
export async function sendText(xms: XmsClient, to: Recipient): Promise<SendMessageResponse> {
  return xms.messages.send({
    channelId: to.channelId,
    to: { phone: to.phone },
    type: "text",
    text: { body: "Your order has shipped." },
  });
}
