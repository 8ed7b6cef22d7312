// Stands in for packages/client/src/call-options.ts when the client golden output of the mini-xms
// fixture is type-checked (it imports "../call-options.js"). Not generated.
export interface CallOptions {
  signal?: AbortSignal | undefined;
  timeoutMs?: number | undefined;
}
