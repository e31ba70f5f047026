/*
 * Typed values for the Java types a JavaScript value cannot name by itself.
 *
 * A JavaScript number becomes the configured default number type (Double unless
 * `serialization.defaultNumberType` says otherwise), a string a String, a plain array an
 * ArrayList. To write any other Java type, wrap the value: `new Integer(5)`, `new Float(1.5)`,
 * `new Char('x')`. Arrays of Java primitives are JavaScript typed arrays where one exists
 * (Int8Array/Uint8Array/Buffer: byte[], Uint16Array: char[], Int16Array: short[], Int32Array:
 * int[], BigInt64Array: long[], Float32Array: float[], Float64Array: double[]) and
 * BooleanArray / StringArray otherwise.
 *
 * Wrappers are for writing. Reading gives the natural JavaScript value, as the official
 * Node.js client does: numbers, a one-character string for a char, plain arrays for typed
 * arrays (Long[] for long[], string[] for char[]), the class name for a Class.
 */

function checkInteger(value: number, min: number, max: number, javaType: string): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${javaType} must be an integer in [${min}, ${max}], got ${String(value)}`);
  }
  return value;
}

/** A Java `byte` (-128..127), type id -3. */
export class Byte {
  readonly value: number;
  constructor(value: number) {
    this.value = checkInteger(value, -0x80, 0x7f, 'Byte');
  }
  valueOf(): number {
    return this.value;
  }
}

/** A Java `short` (-32768..32767), type id -6. */
export class Short {
  readonly value: number;
  constructor(value: number) {
    this.value = checkInteger(value, -0x8000, 0x7fff, 'Short');
  }
  valueOf(): number {
    return this.value;
  }
}

/** A Java `int` (32-bit signed), type id -7. */
export class Integer {
  readonly value: number;
  constructor(value: number) {
    this.value = checkInteger(value, -0x80000000, 0x7fffffff, 'Integer');
  }
  valueOf(): number {
    return this.value;
  }
}

/** A Java `float` (IEEE 754 single precision), type id -9. The value is rounded to float32 when written. */
export class Float {
  constructor(readonly value: number) {}
  valueOf(): number {
    return this.value;
  }
}

/**
 * A Java `double`, type id -10. Only needed when `defaultNumberType` is not 'double', since a
 * plain number is a Double by default.
 */
export class Double {
  constructor(readonly value: number) {}
  valueOf(): number {
    return this.value;
  }
}

/** A Java `char`: one UTF-16 code unit, type id -5. A one-character string alone is a String. */
export class Char {
  /** The UTF-16 code unit. */
  readonly value: number;
  /** @param value a string of exactly one UTF-16 code unit, or the code unit (0..65535). */
  constructor(value: string | number) {
    if (typeof value === 'string') {
      if (value.length !== 1) throw new RangeError(`Char needs exactly one UTF-16 code unit, got a string of length ${value.length}`);
      this.value = value.charCodeAt(0);
    } else {
      this.value = checkInteger(value, 0, 0xffff, 'Char');
    }
  }
  toString(): string {
    return String.fromCharCode(this.value);
  }
}

/** A Java `boolean[]`, type id -13 (a plain array of booleans is an ArrayList). */
export class BooleanArray {
  constructor(readonly values: readonly boolean[]) {}
}

/** A Java `String[]`, type id -20 (a plain array of strings is an ArrayList). */
export class StringArray {
  constructor(readonly values: ReadonlyArray<string | null>) {}
}

/** A Java `java.lang.Class`, written as its fully qualified name, type id -24. */
export class JavaClass {
  constructor(readonly name: string) {}
  toString(): string {
    return this.name;
  }
}

/**
 * A Java `java.util.LinkedList`, type id -30. A plain array is written as an ArrayList, which
 * is what a Java reader usually wants; use this only where the member expects a LinkedList.
 * Reading a LinkedList gives a plain array.
 */
export class LinkedList<T = unknown> {
  constructor(readonly items: readonly T[]) {}
}
