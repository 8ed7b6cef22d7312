/**
 * Schemas no operation references, kept on purpose, each with its reason. Redocly's
 * no-unused-components is off for them (redocly.yaml), Spectral's oas3-unused-component is
 * turned off for exactly these (spectral.ts), and test/spec/conventions.test.ts asserts that
 * no other schema is unreferenced.
 */
export const KEPT_UNREFERENCED: Readonly<Record<string, string>> = {
  AttachmentResponse:
    "Published by the reference (ApiResponse«Attachment,object»); kept for complete coverage (CORRECTIONS.md, Schema names).",
  InBoundMsgType:
    "Names the `type` values of the InBoundMsg union; the SDKs export it and its value list.",
  MapModel: "Published by the reference; kept for complete coverage (CORRECTIONS.md row 74).",
  OutBoundMsgType:
    "Names the `type` values of the OutBoundMsg union; the SDKs export it and its value list.",
  OutboxMessageResponse:
    "Published by the reference (ApiResponse«OutboxMessage,object»); kept for complete coverage (CORRECTIONS.md, Schema names).",
};
