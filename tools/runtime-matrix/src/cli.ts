// `pnpm --filter @mehery/xms-runtime-matrix matrix`: runs the matrix, prints its table, and
// exits 1 if any runtime failed.
import { startMockServer } from "@mehery/xms-mock-server";
import { formatTable, runMatrix } from "./matrix.js";

const started = performance.now();
const mock = await startMockServer({ port: 0 });
try {
  const rows = await runMatrix(mock);
  process.stdout.write(
    `${formatTable(rows)}\n\ntotal ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );
  if (rows.some((row) => !row.ok)) process.exitCode = 1;
} finally {
  await mock.close();
}
