// Runs the built package from CommonJS and from ESM against a local server (run by `pnpm lint`).
const { createServer } = require("node:http");

const server = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ message: "OK", results: [], data: { id: "m-1" } }));
  });
});
server.listen(0, "127.0.0.1", async () => {
  const baseUrl = `http://127.0.0.1:${server.address().port}`;
  try {
    for (const [format, mod] of [
      ["cjs", require("@mehery/xms-client")],
      ["esm", await import("@mehery/xms-client")],
    ]) {
      const xms = mod.createClient({ apiKey: "k", apiId: "i", baseUrl });
      const sent = await xms.messages.send({
        channelId: "c",
        to: { phone: "1" },
        type: "text",
        text: { body: "b" },
      });
      const { data } = await xms.GET("/api/v1/config/channels");
      if (sent.data.id !== "m-1" || !Array.isArray(data.results))
        throw new Error(`${format}: bad answer`);
      console.log(`${format} build: ok`);
    }
  } catch (error) {
    console.error(error);
    process.exitCode = 1;
  } finally {
    server.close();
  }
});
