import type { XmsClient } from "@mehery/xms-client";
import type { SendMessageResponse } from "@mehery/xms-types";
import type { Recipient } from "./config.js";

/**
 * Sends an approved template (HSM) with the values of its placeholders in `data`, and a
 * quick-reply button. Outside the 24-hour support window, WhatsApp accepts only templates.
 */
export async function sendTemplate(xms: XmsClient, to: Recipient): Promise<SendMessageResponse> {
  return xms.messages.send({
    channelId: to.channelId,
    to: { phone: to.phone, name: "John Doe" },
    type: "template",
    template: {
      code: "FEEDBACK",
      lang: "en_US",
      data: { amount: 10, currency: "INR" },
    },
    options: {
      buttons: [
        {
          name: "occupation",
          code: "occupation",
          label: "Occupation",
          desc: "What occupation you have",
          type: "QUICK_REPLY",
        },
      ],
    },
  });
}
