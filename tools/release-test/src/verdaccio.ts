import { mkdtemp, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runServer } from "verdaccio";

export interface LocalRegistry {
  /** `http://127.0.0.1:<port>/`, with the trailing slash npm expects. */
  url: string;
  /** The `//127.0.0.1:<port>/` prefix npm keys per-registry settings (like `_authToken`) by. */
  nerfDart: string;
  close(): Promise<void>;
}

type VerdaccioConfig = Exclude<Parameters<typeof runServer>[0], string | undefined>;

/**
 * Starts Verdaccio 6 on 127.0.0.1 at a free port, storing packages in a fresh temp folder that
 * `close()` deletes.
 *
 * The registry has NO uplinks: it serves only what is published to it and answers 404 for any
 * other package, so it never proxies or fetches anything from outside this machine. Anyone may
 * read and publish `@mehery/*` (npm still insists on sending some token when it publishes; give
 * it any string: Verdaccio treats an unknown token as anonymous).
 */
export async function startLocalRegistry(): Promise<LocalRegistry> {
  const home = await mkdtemp(join(tmpdir(), "xms-verdaccio-"));
  const config = {
    self_path: join(home, "config.yaml"),
    storage: join(home, "storage"),
    uplinks: {},
    packages: {
      "@mehery/*": { access: "$all", publish: "$all", unpublish: "$all" },
      "**": { access: "$all", publish: "$authenticated" },
    },
    web: { enable: false },
    max_body_size: "50mb",
    log: { type: "stdout", format: "pretty", level: "error" },
  } as unknown as VerdaccioConfig;
  const app = await runServer(config);
  const server = await new Promise<ReturnType<typeof app.listen>>((resolve, reject) => {
    const listening = app.listen(0, "127.0.0.1", () => resolve(listening));
    listening.on("error", reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    nerfDart: `//127.0.0.1:${port}/`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(home, { recursive: true, force: true });
    },
  };
}
