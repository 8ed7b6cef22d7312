/** @internal Brands every XmsError; `Symbol.for` makes it the same symbol in every realm and package copy. */
export const BRAND = Symbol.for("@mehery/xms-client.error");

/**
 * Base class of every error this package throws. Test for it with `isXmsError(e)`, which also
 * recognises errors from another copy of this package or another realm (`instanceof` does not).
 *
 * No error of this package keeps the request or its headers, so credentials never appear in a
 * message, `toString()`, `JSON.stringify` or `util.inspect` output.
 */
export class XmsError extends Error {
  override name: string = "XmsError";

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    // Non-enumerable: invisible to JSON.stringify and console.log.
    Object.defineProperty(this, BRAND, { value: true });
  }
}
