import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startMockServer, type MockServer } from "../../src/index.js";
import { auth, call, json, post } from "../helpers/http.js";
import { operations, responseExample } from "../helpers/spec.js";

const fixture = fileURLToPath(new URL("../fixtures/named-examples.yaml", import.meta.url));

describe("Prefer: example=<name> selects a named example of the response", () => {
  let mock: MockServer;
  beforeAll(async () => {
    mock = await startMockServer({ spec: fixture });
  });
  afterAll(() => mock.close());

  const latest = () => `${mock.url}/api/v1/message/latest`;

  test("Prefer: example=image returns the example named image", async () => {
    const answer = await call(latest(), { headers: { ...auth, prefer: "example=image" } });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ type: "image", image: { link: "https://example.com/a.png" } });
  });

  test("without Prefer the first named example is returned", async () => {
    const answer = await call(latest(), { headers: auth });
    expect(answer.body).toEqual({ type: "text", text: { body: "Hi" } });
  });

  test('a quoted name and other preferences around it are understood: respond-async, example="image"', async () => {
    const answer = await call(latest(), {
      headers: { ...auth, prefer: 'respond-async, example="image"' },
    });
    expect(answer.body.type).toBe("image");
  });

  test("an example the response does not name is a 400 listing the names", async () => {
    const answer = await call(latest(), { headers: { ...auth, prefer: "example=video" } });
    expect(answer.status).toBe(400);
    expect(answer.body.messageKey).toBe("MOCK_INVALID_PREFERENCE");
    expect(answer.body.errors).toEqual([
      expect.objectContaining({
        field: "header.prefer",
        code: "enum",
        possibleValues: ["text", "image"],
      }),
    ]);
  });

  test("Prefer: code=404 returns the 404 example with status 404", async () => {
    const answer = await call(latest(), { headers: { ...auth, prefer: "code=404" } });
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual({ message: "No message", status: "404" });
  });

  test("Prefer: code= of a response without content answers that status with no body", async () => {
    const answer = await call(latest(), { headers: { ...auth, prefer: "code=503" } });
    expect(answer.status).toBe(503);
    expect(answer.text).toBe("");
  });
});

describe("Prefer against spec/openapi.yaml", () => {
  let mock: MockServer;
  beforeAll(async () => {
    mock = await startMockServer();
  });
  afterAll(() => mock.close());

  const message = {
    channelId: "wa360:918828218374",
    to: { phone: "919988776655" },
    type: "text",
    text: { body: "Hi" },
  };

  test("Prefer: code=429 returns the spec's 429 example", async () => {
    const sendMessage = (await operations()).find((op) => op.operationId === "sendMessage")!;
    const answer = await post(`${mock.url}/api/v1/message/send`, message, {
      ...json,
      prefer: "code=429",
    });
    expect(answer.status).toBe(429);
    expect(answer.body).toEqual(responseExample(sendMessage.operation, "429"));
  });

  test("a 429 carries the Retry-After header the spec gives as its example", async () => {
    const sendMessage = (await operations()).find((op) => op.operationId === "sendMessage")!;
    const declared = sendMessage.operation["responses"]["429"]["headers"]["Retry-After"];
    const answer = await post(`${mock.url}/api/v1/message/send`, message, {
      ...json,
      prefer: "code=429",
    });
    expect(declared.example).toBeDefined();
    expect(answer.headers.get("retry-after")).toBe(String(declared.example));
  });

  test("a response without headers in the spec gets none of them (no Retry-After on a 200)", async () => {
    const answer = await post(`${mock.url}/api/v1/message/send`, message);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("retry-after")).toBeNull();
  });

  test("Prefer: code= of a status the operation does not define is a 400 listing the statuses", async () => {
    const answer = await post(`${mock.url}/api/v1/message/send`, message, {
      ...json,
      prefer: "code=418",
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0].possibleValues).toEqual([
      "200",
      "400",
      "401",
      "403",
      "404",
      "429",
      "500",
    ]);
  });

  test("Prefer: example=image on sendMessage is a 400: its 200 response has one example, not named ones", async () => {
    const answer = await post(`${mock.url}/api/v1/message/send`, message, {
      ...json,
      prefer: "example=image",
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([
      expect.objectContaining({ field: "header.prefer", code: "enum", possibleValues: [] }),
    ]);
  });

  test("Prefer does not get past validation: an invalid request is a 400 whatever it prefers", async () => {
    const answer = await post(
      `${mock.url}/api/v1/message/send`,
      { type: "text" },
      { ...json, prefer: "code=200" },
    );
    expect(answer.status).toBe(400);
    expect(answer.body.messageKey).toBe("MOCK_INVALID_REQUEST");
  });
});
