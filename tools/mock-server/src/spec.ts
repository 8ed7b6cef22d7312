import {
  dereference,
  isObject,
  locateSpec,
  readSpec,
  type JsonObject,
} from "@mehery/xms-spec-model";

export { isObject, type JsonObject };

/** `spec/openapi.yaml` of this repository. */
export const defaultSpecPath = locateSpec().specPath;

/**
 * Reads an OpenAPI document (YAML or JSON) and resolves every `$ref` in place, both through
 * @mehery/xms-spec-model.
 *
 * Resolution keeps object identity: after it, a `$ref` to `#/components/schemas/X` *is*
 * `components.schemas.X`, which is what lets a discriminator mapping be followed to its
 * `oneOf` branch (see field-errors.ts). Only references inside the document are followed.
 */
export async function loadSpec(path: string): Promise<JsonObject> {
  let parsed: JsonObject;
  try {
    parsed = readSpec(path);
  } catch (error) {
    const reason = (error as Error).message.replace(/^spec-model: /, "");
    throw new Error(`@mehery/xms-mock-server: ${reason}`, { cause: error });
  }
  if (!isObject(parsed["paths"])) {
    throw new Error(`@mehery/xms-mock-server: ${path} is not an OpenAPI document (no "paths")`);
  }
  // `parsed` is ours alone, so it is dereferenced in place (a copy first cost ~6 ms of start-up).
  return dereference(parsed, { inPlace: true });
}
