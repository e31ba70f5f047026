// Encodings of the values Portable and Compact fields share with the built-in serializers:
// decimals and java.time values (IOUtil and PortableUtil in Java).
import {
  BigDecimal,
  HazelcastSerializationError,
  LocalDate,
  LocalDateTime,
  LocalTime,
  OffsetDateTime,
  bigIntFromBytes,
  bigIntToBytes,
  describeType,
  type ObjectDataInput,
  type ObjectDataOutput,
  type PositionalObjectDataOutput,
} from '@hz/core';

/** What a field of a format holds, for messages. */
function expected(what: string, value: unknown): HazelcastSerializationError {
  return new HazelcastSerializationError(`Expected a ${what}, got a value of type ${describeType(value)}`);
}

export function writeDecimal(out: ObjectDataOutput, value: BigDecimal): void {
  if (!(value instanceof BigDecimal)) throw expected('BigDecimal', value);
  out.writeByteArray(bigIntToBytes(value.unscaledValue));
  out.writeInt(value.scale);
}

export function readDecimal(input: ObjectDataInput): BigDecimal {
  const unscaled = bigIntFromBytes(input.readByteArray() ?? Buffer.alloc(0));
  return new BigDecimal(unscaled, input.readInt());
}

export function writeTime(out: ObjectDataOutput, value: LocalTime): void {
  if (!(value instanceof LocalTime)) throw expected('LocalTime', value);
  out.writeByte(value.hour);
  out.writeByte(value.minute);
  out.writeByte(value.second);
  out.writeInt(value.nano);
}

export function readTime(input: ObjectDataInput): LocalTime {
  const hour = input.readByte();
  const minute = input.readByte();
  const second = input.readByte();
  return new LocalTime(hour, minute, second, input.readInt());
}

/** Compact (and the LocalDate serializer): int year. */
export function writeDate(out: ObjectDataOutput, value: LocalDate): void {
  if (!(value instanceof LocalDate)) throw expected('LocalDate', value);
  out.writeInt(value.year);
  out.writeByte(value.month);
  out.writeByte(value.date);
}

export function readDate(input: ObjectDataInput): LocalDate {
  const year = input.readInt();
  const month = input.readByte();
  return new LocalDate(year, month, input.readByte());
}

/** Portable: short year (Java PortableUtil), so years beyond ±32767 cannot be written. */
export function writePortableDate(out: ObjectDataOutput, value: LocalDate): void {
  if (!(value instanceof LocalDate)) throw expected('LocalDate', value);
  if (value.year < -0x8000 || value.year > 0x7fff) {
    throw new HazelcastSerializationError(`Cannot write the year ${value.year} in a Portable date: Portable dates hold a 16-bit year`);
  }
  out.writeShort(value.year);
  out.writeByte(value.month);
  out.writeByte(value.date);
}

export function readPortableDate(input: ObjectDataInput): LocalDate {
  const year = input.readShort();
  const month = input.readByte();
  return new LocalDate(year, month, input.readByte());
}

export function writeTimestamp(out: ObjectDataOutput, value: LocalDateTime): void {
  if (!(value instanceof LocalDateTime)) throw expected('LocalDateTime', value);
  writeDate(out, value.localDate);
  writeTime(out, value.localTime);
}

export function readTimestamp(input: ObjectDataInput): LocalDateTime {
  const date = readDate(input);
  return new LocalDateTime(date, readTime(input));
}

export function writePortableTimestamp(out: ObjectDataOutput, value: LocalDateTime): void {
  if (!(value instanceof LocalDateTime)) throw expected('LocalDateTime', value);
  writePortableDate(out, value.localDate);
  writeTime(out, value.localTime);
}

export function readPortableTimestamp(input: ObjectDataInput): LocalDateTime {
  const date = readPortableDate(input);
  return new LocalDateTime(date, readTime(input));
}

export function writeTimestampWithTimezone(out: ObjectDataOutput, value: OffsetDateTime): void {
  if (!(value instanceof OffsetDateTime)) throw expected('OffsetDateTime', value);
  writeTimestamp(out, value.localDateTime);
  out.writeInt(value.offsetSeconds);
}

export function readTimestampWithTimezone(input: ObjectDataInput): OffsetDateTime {
  const dateTime = readTimestamp(input);
  return new OffsetDateTime(dateTime, input.readInt());
}

export function writePortableTimestampWithTimezone(out: ObjectDataOutput, value: OffsetDateTime): void {
  if (!(value instanceof OffsetDateTime)) throw expected('OffsetDateTime', value);
  writePortableTimestamp(out, value.localDateTime);
  out.writeInt(value.offsetSeconds);
}

export function readPortableTimestampWithTimezone(input: ObjectDataInput): OffsetDateTime {
  const dateTime = readPortableTimestamp(input);
  return new OffsetDateTime(dateTime, input.readInt());
}

/** The message of an unknown thrown value. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Portable and Compact bodies need an output that can write at earlier positions (tables, lengths). */
export function positional(out: ObjectDataOutput): PositionalObjectDataOutput {
  if (typeof (out as Partial<PositionalObjectDataOutput>).pwriteInt !== 'function') {
    throw new HazelcastSerializationError('Portable and Compact need an output that can write at earlier positions (PositionalObjectDataOutput)');
  }
  return out as PositionalObjectDataOutput;
}
