// Receive side: a webhook schema requires only what dispatch and de-duplication rely on, since a
// refused delivery is a lost one (spec/CORRECTIONS.md, principle 3). The list is read from the
// spec and pinned here, so that a new `required` on the receive side is a deliberate act: change
// RECEIVE_REQUIRED, with its reason, and record a CORRECTIONS.md row.
import { loadRepoSpec } from "@mehery/xms-codegen";
import { describe, expect, test } from "vitest";
import { messageNotificationExamples } from "../../src/generated/examples.js";
import { validateBody } from "../../src/validate.js";

type Node = Record<string, unknown>;

const schemas = (
  loadRepoSpec(process.cwd()).spec as unknown as { components: { schemas: Record<string, Node> } }
).components.schemas;

/** Every receive-side `required`, by schema, and why dispatch or dedupe needs it. */
const RECEIVE_REQUIRED: Record<string, { required: string[]; why: string }> = {
  InBoundAction: {
    required: ["actionCode"],
    why: "what the action is (as `eventCode` for events)",
  },
  InBoundAudioMsg: { required: ["type", "audio"], why: "dispatch to message.audio; its payload" },
  InBoundContact: {
    required: ["contactId"],
    why: "what a contact-info request is about; routing by shape",
  },
  InBoundDocumentMsg: {
    required: ["type", "document"],
    why: "dispatch to message.document; its payload",
  },
  InBoundEvent: { required: ["eventCode"], why: "dispatch to event.<eventCode>" },
  InBoundImageMsg: { required: ["type", "image"], why: "dispatch to message.image; its payload" },
  InBoundLocationMsg: {
    required: ["type", "location"],
    why: "dispatch to message.location; its payload",
  },
  InBoundMsgBase: { required: ["id"], why: "the message's dedupe key" },
  InBoundMsgStatus: {
    required: ["id", "status"],
    why: "dispatch to status.<status>; the dedupe key",
  },
  InBoundMsgText: { required: ["body"], why: "a text message's payload is its body" },
  InBoundSystemMsg: { required: ["type"], why: "dispatch to message.system" },
  InBoundTextMsg: { required: ["type", "text"], why: "dispatch to message.text; its payload" },
  InBoundVideoMsg: { required: ["type", "video"], why: "dispatch to message.video; its payload" },
  InBoundVoiceMsg: { required: ["type", "voice"], why: "dispatch to message.voice; its payload" },
};

/** Every `required` list in the schemas the two webhook requests reach, by schema name. */
function receiveRequired(roots: readonly string[]): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  const seen = new Set<string>();
  const walk = (node: unknown, owner: string): void => {
    if (Array.isArray(node)) return node.forEach((child) => walk(child, owner));
    if (typeof node !== "object" || node === null) return;
    for (const [key, value] of Object.entries(node as Node)) {
      if (key === "$ref" && typeof value === "string") enter(value.split("/").pop()!);
      else if (key === "required" && Array.isArray(value) && value.length > 0) {
        found[owner] = [...(found[owner] ?? []), ...(value as string[])];
      } else if (key !== "examples" && key !== "example") walk(value, owner);
    }
  };
  const enter = (name: string): void => {
    if (seen.has(name)) return;
    seen.add(name);
    walk(schemas[name], name);
  };
  roots.forEach(enter);
  return found;
}

describe("receive-side required properties", () => {
  test("are exactly the pinned list (InBoundWrapper and InBoundContact and all they reach)", () => {
    const pinned = Object.fromEntries(
      Object.entries(RECEIVE_REQUIRED).map(([name, { required }]) => [name, required]),
    );
    expect(receiveRequired(["InBoundWrapper", "InBoundContact"])).toEqual(pinned);
  });

  test("the send side keeps its own: a location to send still needs its coordinates", () => {
    expect(schemas["CommonMsgLocation"]?.["required"]).toEqual(["latitude", "longitude"]);
  });

  const imageWithoutMediaId = () => {
    const body = structuredClone(messageNotificationExamples.image) as Node & {
      messages: Array<{ image: Node; attachments?: Node[] }>;
    };
    delete body.messages[0]!.image["id"];
    body.messages[0]!.attachments = [{ link: "https://media.example/1", mime_type: "image/png" }];
    return body;
  };
  const locationWithoutCoordinates = () => ({
    type: "message",
    messages: [{ id: "m-1", type: "location", location: { name: "Main Building" } }],
  });

  test.each(["lenient", "strict"] as const)(
    "%s: media without an id, and a location without coordinates, are valid",
    (mode) => {
      expect(validateBody(mode, "notification", imageWithoutMediaId())).toBeUndefined();
      expect(validateBody(mode, "notification", locationWithoutCoordinates())).toBeUndefined();
    },
  );
});
