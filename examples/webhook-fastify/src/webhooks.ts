import { createWebhooks, type ContactInfoResponse, type Webhooks } from "@mehery/xms-webhooks";

/** What the business knows of its customers, by phone number: a stand-in for your CRM. */
const customers = new Map<string, ContactInfoResponse>([
  [
    "919988776655",
    {
      profileId: "C34567",
      name: "John Doe",
      email: "abc@xyz.com",
      labels: [{ key: "CUSTOMER_TYPE", name: "Customer Type", type: "TEXT", value: "Platinum" }],
    },
  ],
]);

export interface ReceiverOptions {
  /** The token the platform sends in `x-verify-token` (set with your webhook URL). */
  verifyToken: string;
  /** Where the receiver reports what it handled. Default: console.log. */
  log?: (line: string) => void;
}

/** The webhook handlers of this app: the same in every example, whatever the server. */
export function createReceiver({ verifyToken, log = console.log }: ReceiverOptions): Webhooks {
  const webhooks = createWebhooks({
    verifyToken,
    // The platform retries a delivery it got no 200 for: skip the items already handled.
    dedupe: true,
  });

  webhooks.on("message.text", ({ payload, contact }) => {
    log(`message.text from ${contact?.profile?.name ?? payload.from}: ${payload.text.body}`);
  });

  // Every delivery status of the messages you sent (READ, DLVRD, SENT, FAILD, DELTD)...
  webhooks.on("status", ({ payload }) => {
    log(`status ${payload.status} of ${payload.id}`);
  });
  // ...and one of them in particular.
  webhooks.on("status.READ", ({ payload }) => {
    log(`read receipt for ${payload.id}`);
  });

  // The platform asks what the business knows of a contact; the answer fills its profile.
  webhooks.onContactInfo(({ payload }) => {
    const phone = payload.profile?.phone ?? payload.csid;
    const customer = phone === undefined ? undefined : customers.get(phone);
    log(
      `contact.info for ${payload.contactId}: ${customer ? `answered ${customer.profileId}` : "unknown"}`,
    );
    return customer ?? {}; // {} changes nothing
  });

  // A handler that throws makes the delivery fail with 500, so that the platform retries it.
  webhooks.onError((error) => {
    console.error(`webhook failed: ${error.message}`);
  });

  return webhooks;
}
