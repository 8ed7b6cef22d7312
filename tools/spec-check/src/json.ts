/** Plain JSON values and `$ref`s: the spec model's helpers, as every check imports them. */
export {
  arrayAt,
  deref,
  isObject,
  objectAt,
  resolveLocalRef,
  stringAt,
  toPointer,
  type JsonObject,
} from "@mehery/xms-spec-model";
