// Reading serialized values without losing their Java types. The core's service reads an
// Integer, a Short and a Double all as a JavaScript number; queries need to know which it was
// (a Float is not the Double of the same text, an Integer is written back as an Integer), so the
// primitive types, their arrays and the elements of lists are read here, by type id, into the
// core's typed wrappers. Everything else is left to the serialization service.
import { Byte, Char, Float, HeapData, Integer, Short, TypeId, type Data, type DefaultSerializationService, type ObjectDataInput } from '@hz/core';

/** The wrapper that keeps a number's Java type, by type id (Double and Long need none). */
function wrapNumber(typeId: number, value: number): unknown {
  switch (typeId) {
    case TypeId.BYTE:
      return new Byte(value);
    case TypeId.SHORT:
      return new Short(value);
    case TypeId.INTEGER:
      return new Integer(value);
    case TypeId.FLOAT:
      return new Float(value);
    default:
      return value;
  }
}

/** Reads a payload of the given type id with its Java type kept. */
export function readTypedPayload(input: ObjectDataInput, typeId: number, serializationService: DefaultSerializationService): unknown {
  switch (typeId) {
    case TypeId.NULL:
      return null;
    case TypeId.BYTE:
      return new Byte(input.readByte());
    case TypeId.SHORT:
      return new Short(input.readShort());
    case TypeId.INTEGER:
      return new Integer(input.readInt());
    case TypeId.FLOAT:
      return new Float(input.readFloat());
    case TypeId.CHAR:
      return new Char(input.readChar());
    case TypeId.BYTE_ARRAY: {
      const bytes = input.readByteArray();
      return bytes === null ? null : Array.from(bytes, (b) => new Byte((b << 24) >> 24));
    }
    case TypeId.SHORT_ARRAY:
    case TypeId.INTEGER_ARRAY:
    case TypeId.FLOAT_ARRAY: {
      const read = typeId === TypeId.SHORT_ARRAY ? input.readShortArray() : typeId === TypeId.INTEGER_ARRAY ? input.readIntArray() : input.readFloatArray();
      const elementType = typeId === TypeId.SHORT_ARRAY ? TypeId.SHORT : typeId === TypeId.INTEGER_ARRAY ? TypeId.INTEGER : TypeId.FLOAT;
      return read === null ? null : read.map((v) => wrapNumber(elementType, v));
    }
    case TypeId.CHAR_ARRAY: {
      const chars = input.readCharArray();
      return chars === null ? null : chars.map((c) => new Char(c));
    }
    case TypeId.ARRAY_LIST:
    case TypeId.LINKED_LIST: {
      const count = input.readInt();
      if (count < 0 || count * 4 > input.available()) throw new RangeError(`Malformed list of ${count} elements`);
      const items: unknown[] = [];
      for (let i = 0; i < count; i++) items.push(readTypedObject(input, serializationService));
      return items;
    }
    default:
      return serializationService.serializerForTypeId(typeId).read(input);
  }
}

/** Reads a nested object (type id, then payload) with its Java type kept. */
export function readTypedObject(input: ObjectDataInput, serializationService: DefaultSerializationService): unknown {
  return readTypedPayload(input, input.readInt(), serializationService);
}

/** Deserializes a Data with its Java type kept. */
export function toTypedObject(data: Data, serializationService: DefaultSerializationService): unknown {
  const bytes = data.toBuffer();
  if (bytes.length === 0) return null;
  const input = serializationService.createObjectDataInput(bytes, 8);
  return readTypedPayload(input, data.getType(), serializationService);
}

/**
 * Reads a nested object and also returns it as a Data of its own (type id in the header, the
 * payload copied), for values a member needs serialized (partition keys). The payload's
 * positions must not be absolute, which holds for every type but Portable.
 */
export function readNestedWithData(input: ObjectDataInput, serializationService: DefaultSerializationService): { value: unknown; data: Data | null } {
  const start = input.position();
  const typeId = input.readInt();
  const value = readTypedPayload(input, typeId, serializationService);
  if (typeId === TypeId.NULL) return { value, data: null };
  const end = input.position();
  const payloadStart = start + 4;
  const header = Buffer.alloc(8);
  header.writeInt32BE(typeId, 4);
  input.position(payloadStart);
  const payload = input.readFully(end - payloadStart);
  return { value, data: new HeapData(Buffer.concat([header, payload])) };
}
