/** Test credentials; the key is recognisable so that tests can look for it in what the mock says. */
export const apiKey = "sk_live_TEST-SECRET-4f1c9a";
export const apiId = "key-id-1";

export const auth = { "x-api-key": apiKey, "x-api-id": apiId } as const;

export const json = { ...auth, "content-type": "application/json" } as const;

export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly body: any;
}

/** Sends one request with fetch and reads the whole answer. */
export async function call(url: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(url, init);
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    body: text === "" ? undefined : JSON.parse(text),
  };
}

export function post(url: string, body: unknown, headers: Record<string, string> = json) {
  return call(url, { method: "POST", headers, body: JSON.stringify(body) });
}
