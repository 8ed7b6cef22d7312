import type { XmsClient } from "@mehery/xms-client";
import type { SendMessageResponse } from "@mehery/xms-types";
import type { Recipient } from "./config.js";

/** Sends an image by URL, with a caption. `video`, `audio` and `document` work the same way. */
export async function sendImage(xms: XmsClient, to: Recipient): Promise<SendMessageResponse> {
  return xms.messages.send({
    channelId: to.channelId,
    to: { phone: to.phone },
    type: "image",
    image: {
      link: "https://client.service.com/docs/media/12.png",
      caption: "Transaction Receipt",
    },
  });
}
