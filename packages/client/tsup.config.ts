import { readFileSync } from "node:fs";
import { defineConfig } from "tsup";
import { libraryBuild } from "../../tsup.base.js";

const { version } = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };

export default defineConfig({
  ...libraryBuild,
  // The default User-Agent names the version being published.
  define: { __XMS_CLIENT_VERSION__: JSON.stringify(version) },
});
