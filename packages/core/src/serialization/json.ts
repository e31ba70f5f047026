import { HazelcastSerializationError } from './errors';
import type { ObjectDataInput } from './object-data-input';
import type { ObjectDataOutput } from './object-data-output';
import type { Serializer } from './serializer';
import { TypeId } from './type-ids';

/**
 * A JSON document stored as its text (Java `HazelcastJsonValue`, type id -130): the member can
 * query and index its fields. The text is kept as given and not validated, as in the official
 * client; malformed JSON fails later, in queries on the member.
 */
export class HazelcastJsonValue {
  private readonly jsonString: string;

  /** @param jsonString JSON text, not null */
  constructor(jsonString: string) {
    if (typeof jsonString !== 'string') throw new TypeError('HazelcastJsonValue needs a JSON string');
    this.jsonString = jsonString;
  }

  /** The JSON text, unchanged. */
  toString(): string {
    return this.jsonString;
  }
}

/**
 * What reading a JSON value (type id -130) gives (the official client's option and values):
 * `EAGER` parses it into a JavaScript value, `NO_DESERIALIZATION` keeps the text in a
 * {@link HazelcastJsonValue}.
 */
export const JsonStringDeserializationPolicy = {
  EAGER: 'EAGER',
  NO_DESERIALIZATION: 'NO_DESERIALIZATION',
} as const;

/** One of {@link JsonStringDeserializationPolicy}'s values. */
export type JsonStringDeserializationPolicy = (typeof JsonStringDeserializationPolicy)[keyof typeof JsonStringDeserializationPolicy];

function writeJson(output: ObjectDataOutput, value: unknown): void {
  if (value instanceof HazelcastJsonValue) {
    output.writeString(value.toString());
    return;
  }
  // JSON.stringify throws a TypeError on cycles and bigints; the service reports those with the type.
  const text: string | undefined = JSON.stringify(value);
  if (text === undefined) {
    throw new HazelcastSerializationError(`A value of type ${typeof value} has no JSON form`, { typeId: TypeId.JSON });
  }
  output.writeString(text);
}

/** Writes HazelcastJsonValue and the JSON fallback for plain objects; reads into a JavaScript value. */
export const JSON_EAGER_SERIALIZER: Serializer = {
  id: TypeId.JSON,
  read: (input: ObjectDataInput): unknown => JSON.parse(input.readString() ?? 'null'),
  write: writeJson,
};

/** Writes like {@link JSON_EAGER_SERIALIZER}; reads into a HazelcastJsonValue. */
export const JSON_VALUE_SERIALIZER: Serializer = {
  id: TypeId.JSON,
  read: (input: ObjectDataInput): HazelcastJsonValue | null => {
    const text = input.readString();
    return text === null ? null : new HazelcastJsonValue(text);
  },
  write: writeJson,
};
