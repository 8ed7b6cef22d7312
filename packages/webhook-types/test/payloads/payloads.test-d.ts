import { assertType, describe, expectTypeOf, test } from "vitest";
import type { ContactInfoUpdate, InBoundContact, InBoundWrapper } from "@mehery/xms-types";
import type {
  ContactInfoRequestPayload,
  ContactInfoResponse,
  MessageNotificationPayload,
} from "../../src/index.js";

describe("webhook payloads", () => {
  test("MessageNotificationPayload is InBoundWrapper", () => {
    expectTypeOf<MessageNotificationPayload>().toEqualTypeOf<InBoundWrapper>();
  });

  test("ContactInfoRequestPayload is InBoundContact, with a required contactId", () => {
    expectTypeOf<ContactInfoRequestPayload>().toEqualTypeOf<InBoundContact>();
    // @ts-expect-error `contactId` is required
    assertType<ContactInfoRequestPayload>({ channelId: "wa360:1" });
  });

  test("ContactInfoResponse is ContactInfoUpdate, and {} is a valid answer", () => {
    expectTypeOf<ContactInfoResponse>().toEqualTypeOf<ContactInfoUpdate>();
    assertType<ContactInfoResponse>({});
    assertType<ContactInfoResponse>({
      labels: [{ key: "JOINED", type: "DATE", format: "MM/DD/YY", value: "10/06/23" }],
    });
  });
});
