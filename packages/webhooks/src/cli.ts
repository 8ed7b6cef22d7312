/**
 * `xms-webhooks simulate`: posts the spec's example webhooks to a local receiver.
 *
 *   xms-webhooks simulate --url http://127.0.0.1:3000/webhooks --token T --event message.text
 */
import { parseArgs } from "node:util";
import { webhookEventNames, type WebhookEventName } from "@mehery/xms-webhook-types";
import { allEventNames, simulate } from "./simulator.js";

const USAGE = `Usage: xms-webhooks simulate --url <url> --token <token> (--event <name> | --all)
                           [--duplicate] [--bad-token] [--allow-remote]

Posts the spec's example payload of each event to a webhook receiver and prints each status.

  --url           the receiver, e.g. http://127.0.0.1:3000/webhooks (this machine only,
                  unless --allow-remote)
  --token         the verification token, sent in x-verify-token
  --event         an event name (repeatable): ${webhookEventNames.join(", ")}
                  (message.unlisted and status.unlisted send a type and a status that the
                  spec does not list: a lenient receiver takes them, a strict one answers 400)
  --all           every event name but the *.unlisted ones, then contact.info
  --duplicate     send each delivery twice, as a platform retry does
  --bad-token     send a wrong token (expects 401)
  --allow-remote  allow a URL that is not on this machine

Exits 0 when every answer is the expected one (2xx; 401 with --bad-token), else 1.
`;

/** Where a CLI writes, and the directory it runs in: the one convention of the repo's CLIs. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  cwd: string;
}

/**
 * Runs the CLI with `argv` (the arguments after the command name) and resolves to the exit code:
 * each delivery's status on `io.out`, usage and failures on `io.err`. The bin
 * (`bin/xms-webhooks.js`) calls it; tests call it too.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        url: { type: "string" },
        token: { type: "string" },
        event: { type: "string", multiple: true },
        all: { type: "boolean" },
        duplicate: { type: "boolean" },
        "bad-token": { type: "boolean" },
        "allow-remote": { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  if (positionals[0] !== "simulate" || positionals.length > 1) {
    io.err(USAGE);
    return 2;
  }
  const events = values.all ? allEventNames() : (values.event ?? []);
  const unknown = events.filter((name) => !(webhookEventNames as readonly string[]).includes(name));
  if (!values.url || !values.token || events.length === 0 || unknown.length > 0) {
    io.err(
      `${unknown.length ? `unknown event(s): ${unknown.join(", ")}\n` : ""}--url, --token and --event (or --all) are required\n\n${USAGE}`,
    );
    return 2;
  }
  try {
    const results = await simulate({
      url: values.url,
      token: values.token,
      events: events as WebhookEventName[],
      duplicate: values.duplicate === true,
      badToken: values["bad-token"] === true,
      allowRemote: values["allow-remote"] === true,
      print: (line) => io.out(`${line}\n`),
    });
    const expected = (status: number): boolean =>
      values["bad-token"] ? status === 401 : status >= 200 && status < 300;
    return results.every((result) => expected(result.status)) ? 0 : 1;
  } catch (error) {
    io.err(`${(error as Error).message}\n`);
    return 1;
  }
}
