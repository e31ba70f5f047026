// The built-in predicates, each an IdentifiedDataSerializable that writes its fields in the
// order of the Java class's writeData (checked against the member's bytes by the golden test).
// Compared values are nested objects written with writeObject: their Java type is the one the
// serialization service gives them (a number is a Double unless wrapped, e.g. `new Integer(5)`).
import type { ObjectDataInput, ObjectDataOutput, Predicate } from '@hz/core';
import { PREDICATE_FACTORY_ID, PredicateClassId } from '../ids';

function checkAttribute(attributeName: unknown): string {
  if (typeof attributeName !== 'string') throw new TypeError(`The attribute name must be a string, got ${typeof attributeName}`);
  return attributeName;
}

function checkPredicate(predicate: unknown, what: string): Predicate {
  const p = predicate as Partial<Predicate> | null;
  if (p === null || typeof p !== 'object' || typeof p.factoryId !== 'number' || typeof p.writeData !== 'function') {
    throw new TypeError(`${what} must be a predicate`);
  }
  return p as Predicate;
}

function checkNotNull<T>(value: T | null | undefined, what: string): T {
  if (value == null) throw new TypeError(`${what} must not be null`);
  return value;
}

/** Common base: the factory id, and `toString` for messages. */
abstract class BuiltinPredicate implements Predicate {
  readonly factoryId: number = PREDICATE_FACTORY_ID;
  abstract readonly classId: number;
  abstract writeData(output: ObjectDataOutput): void;
  abstract readData(input: ObjectDataInput): void;
}

/** `Predicates.sql`: a where-clause the member parses. */
export class SqlPredicate extends BuiltinPredicate {
  readonly classId = PredicateClassId.SQL;
  constructor(public sql: string) {
    super();
    if (typeof sql !== 'string') throw new TypeError('The SQL of a predicate must be a string');
  }
  writeData(output: ObjectDataOutput): void {
    output.writeString(this.sql);
  }
  readData(input: ObjectDataInput): void {
    this.sql = input.readString() ?? '';
  }
}

/** Predicates combining others (and, or). */
abstract class CompoundPredicate extends BuiltinPredicate {
  readonly predicates: Predicate[];
  constructor(predicates: readonly Predicate[]) {
    super();
    this.predicates = predicates.map((p, i) => checkPredicate(p, `Predicate ${i + 1}`));
  }
  writeData(output: ObjectDataOutput): void {
    output.writeInt(this.predicates.length);
    for (const predicate of this.predicates) output.writeObject(predicate);
  }
  readData(input: ObjectDataInput): void {
    const count = input.readInt();
    this.predicates.length = 0;
    for (let i = 0; i < count; i++) this.predicates.push(input.readObject<Predicate>());
  }
}

/** `Predicates.and`: every predicate holds. */
export class AndPredicate extends CompoundPredicate {
  readonly classId = PredicateClassId.AND;
}

/** `Predicates.or`: at least one predicate holds. */
export class OrPredicate extends CompoundPredicate {
  readonly classId = PredicateClassId.OR;
}

/** `Predicates.not`: the predicate does not hold. */
export class NotPredicate extends BuiltinPredicate {
  readonly classId = PredicateClassId.NOT;
  constructor(public predicate: Predicate) {
    super();
    checkPredicate(predicate, 'The negated predicate');
  }
  writeData(output: ObjectDataOutput): void {
    output.writeObject(this.predicate);
  }
  readData(input: ObjectDataInput): void {
    this.predicate = input.readObject<Predicate>();
  }
}

/** Predicates on one attribute: they write the attribute name first. */
abstract class AttributePredicate extends BuiltinPredicate {
  constructor(public attributeName: string) {
    super();
    checkAttribute(attributeName);
  }
  writeData(output: ObjectDataOutput): void {
    output.writeString(this.attributeName);
  }
  readData(input: ObjectDataInput): void {
    this.attributeName = input.readString() ?? '';
  }
}

/** `Predicates.equal`: the attribute equals the value (null matches a null attribute). */
export class EqualPredicate extends AttributePredicate {
  readonly classId: number = PredicateClassId.EQUAL;
  constructor(
    attributeName: string,
    public value: unknown,
  ) {
    super(attributeName);
  }
  override writeData(output: ObjectDataOutput): void {
    super.writeData(output);
    output.writeObject(this.value);
  }
  override readData(input: ObjectDataInput): void {
    super.readData(input);
    this.value = input.readObject();
  }
}

/** `Predicates.notEqual`: the attribute differs from the value. */
export class NotEqualPredicate extends EqualPredicate {
  override readonly classId: number = PredicateClassId.NOT_EQUAL;
}

/**
 * `greaterThan`, `greaterEqual`, `lessThan`, `lessEqual`: one class with two flags, written
 * `equal` then `less` (greaterThan is false/false).
 */
export class GreaterLessPredicate extends AttributePredicate {
  readonly classId = PredicateClassId.GREATER_LESS;
  constructor(
    attributeName: string,
    public value: unknown,
    public equal: boolean,
    public less: boolean,
  ) {
    super(attributeName);
    checkNotNull(value, 'The compared value');
  }
  override writeData(output: ObjectDataOutput): void {
    super.writeData(output);
    output.writeObject(this.value);
    output.writeBoolean(this.equal);
    output.writeBoolean(this.less);
  }
  override readData(input: ObjectDataInput): void {
    super.readData(input);
    this.value = input.readObject();
    this.equal = input.readBoolean();
    this.less = input.readBoolean();
  }
}

/** `Predicates.between`: from <= attribute <= to. Java writes `to` before `from`. */
export class BetweenPredicate extends AttributePredicate {
  readonly classId = PredicateClassId.BETWEEN;
  constructor(
    attributeName: string,
    public from: unknown,
    public to: unknown,
  ) {
    super(attributeName);
    checkNotNull(from, 'The lower bound');
    checkNotNull(to, 'The upper bound');
  }
  override writeData(output: ObjectDataOutput): void {
    super.writeData(output);
    output.writeObject(this.to);
    output.writeObject(this.from);
  }
  override readData(input: ObjectDataInput): void {
    super.readData(input);
    this.to = input.readObject();
    this.from = input.readObject();
  }
}

/** `Predicates.inPredicate`: the attribute equals one of the values. */
export class InPredicate extends AttributePredicate {
  readonly classId = PredicateClassId.IN;
  readonly values: unknown[];
  constructor(attributeName: string, values: readonly unknown[]) {
    super(attributeName);
    this.values = [...checkNotNull(values, 'The values')];
  }
  override writeData(output: ObjectDataOutput): void {
    super.writeData(output);
    output.writeInt(this.values.length);
    for (const value of this.values) output.writeObject(value);
  }
  override readData(input: ObjectDataInput): void {
    super.readData(input);
    const count = input.readInt();
    this.values.length = 0;
    for (let i = 0; i < count; i++) this.values.push(input.readObject());
  }
}

/** `Predicates.like`: SQL LIKE, `%` any characters, `_` one, `\` escapes them. */
export class LikePredicate extends AttributePredicate {
  readonly classId: number = PredicateClassId.LIKE;
  constructor(
    attributeName: string,
    public expression: string | null,
  ) {
    super(attributeName);
  }
  override writeData(output: ObjectDataOutput): void {
    super.writeData(output);
    output.writeString(this.expression);
  }
  override readData(input: ObjectDataInput): void {
    super.readData(input);
    this.expression = input.readString();
  }
}

/** `Predicates.ilike`: LIKE ignoring case. */
export class ILikePredicate extends LikePredicate {
  override readonly classId: number = PredicateClassId.ILIKE;
}

/** `Predicates.regex`: the whole attribute matches a Java regular expression. */
export class RegexPredicate extends AttributePredicate {
  readonly classId = PredicateClassId.REGEX;
  constructor(
    attributeName: string,
    public regex: string,
  ) {
    super(attributeName);
  }
  override writeData(output: ObjectDataOutput): void {
    super.writeData(output);
    output.writeString(this.regex);
  }
  override readData(input: ObjectDataInput): void {
    super.readData(input);
    this.regex = input.readString() ?? '';
  }
}

/** `Predicates.instanceOf`: the value is an instance of the Java class (fully qualified name). */
export class InstanceOfPredicate extends BuiltinPredicate {
  readonly classId = PredicateClassId.INSTANCE_OF;
  constructor(public className: string) {
    super();
    if (typeof className !== 'string' || className === '') throw new TypeError('instanceOf needs a Java class name');
  }
  writeData(output: ObjectDataOutput): void {
    output.writeString(this.className);
  }
  readData(input: ObjectDataInput): void {
    this.className = input.readString() ?? '';
  }
}

/** `Predicates.alwaysTrue`: no fields. */
export class TruePredicate extends BuiltinPredicate {
  readonly classId = PredicateClassId.TRUE;
  writeData(): void {}
  readData(): void {}
}

/** `Predicates.alwaysFalse`: no fields. */
export class FalsePredicate extends BuiltinPredicate {
  readonly classId = PredicateClassId.FALSE;
  writeData(): void {}
  readData(): void {}
}

export { checkPredicate };
