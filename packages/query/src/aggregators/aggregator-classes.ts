// The built-in aggregators. A client sends them in their initial state: the attribute path, then
// the member-side accumulators at zero, written in the order of the Java class's writeData
// (checked against the member's bytes by the golden test).
import { BigDecimal, type Aggregator, type ObjectDataInput, type ObjectDataOutput } from '@hz/core';
import { AGGREGATOR_FACTORY_ID, AggregatorClassId } from '../ids';

function checkPath(attributePath: unknown): string | null {
  if (attributePath == null) return null;
  if (typeof attributePath !== 'string') throw new TypeError(`The attribute path must be a string, got ${typeof attributePath}`);
  return attributePath;
}

/**
 * Base of every aggregator: the attribute path (null: the entry value itself) written first.
 * `R` is the result type the member returns (as the serialization service reads it).
 */
export abstract class AbstractAggregator<R> implements Aggregator<R> {
  readonly factoryId = AGGREGATOR_FACTORY_ID;
  abstract readonly classId: number;
  declare readonly __result?: R;
  attributePath: string | null;

  constructor(attributePath?: string | null) {
    this.attributePath = checkPath(attributePath);
  }

  writeData(output: ObjectDataOutput): void {
    output.writeString(this.attributePath);
    this.writeAccumulators(output);
  }

  readData(input: ObjectDataInput): void {
    this.attributePath = input.readString();
    this.readAccumulators(input);
  }

  /** The member-side state, at zero. */
  protected abstract writeAccumulators(output: ObjectDataOutput): void;
  protected abstract readAccumulators(input: ObjectDataInput): void;
}

// Shapes of the accumulator state, shared by several classes.

/** One long: count, integer/long/fixed-point sums. */
abstract class LongStateAggregator<R> extends AbstractAggregator<R> {
  protected writeAccumulators(output: ObjectDataOutput): void {
    output.writeLong(0);
  }
  protected readAccumulators(input: ObjectDataInput): void {
    input.readLong();
  }
}

/** One double: double and floating-point sums. */
abstract class DoubleStateAggregator<R> extends AbstractAggregator<R> {
  protected writeAccumulators(output: ObjectDataOutput): void {
    output.writeDouble(0);
  }
  protected readAccumulators(input: ObjectDataInput): void {
    input.readDouble();
  }
}

/** A double sum and a long count: double and number averages. */
abstract class DoubleAverageStateAggregator<R> extends AbstractAggregator<R> {
  protected writeAccumulators(output: ObjectDataOutput): void {
    output.writeDouble(0);
    output.writeLong(0);
  }
  protected readAccumulators(input: ObjectDataInput): void {
    input.readDouble();
    input.readLong();
  }
}

/** A long sum and a long count: integer and long averages. */
abstract class LongAverageStateAggregator<R> extends AbstractAggregator<R> {
  protected writeAccumulators(output: ObjectDataOutput): void {
    output.writeLong(0);
    output.writeLong(0);
  }
  protected readAccumulators(input: ObjectDataInput): void {
    input.readLong();
    input.readLong();
  }
}

/** One object: max, min (null), BigDecimal and BigInteger sums (zero). */
abstract class ObjectStateAggregator<R> extends AbstractAggregator<R> {
  protected abstract initial(): unknown;
  protected writeAccumulators(output: ObjectDataOutput): void {
    output.writeObject(this.initial());
  }
  protected readAccumulators(input: ObjectDataInput): void {
    input.readObject();
  }
}

/** An object sum and a long count: BigDecimal and BigInteger averages. */
abstract class ObjectAverageStateAggregator<R> extends AbstractAggregator<R> {
  protected abstract initial(): unknown;
  protected writeAccumulators(output: ObjectDataOutput): void {
    output.writeObject(this.initial());
    output.writeLong(0);
  }
  protected readAccumulators(input: ObjectDataInput): void {
    input.readObject();
    input.readLong();
  }
}

/** Two objects: maxBy, minBy (the extremum so far and its entry, both null). */
abstract class ByStateAggregator<R> extends AbstractAggregator<R> {
  protected writeAccumulators(output: ObjectDataOutput): void {
    output.writeObject(null);
    output.writeObject(null);
  }
  protected readAccumulators(input: ObjectDataInput): void {
    input.readObject();
    input.readObject();
  }
}

export class CountAggregator<R> extends LongStateAggregator<R> {
  readonly classId = AggregatorClassId.COUNT;
}

export class DistinctValuesAggregator<R> extends AbstractAggregator<R> {
  readonly classId = AggregatorClassId.DISTINCT;
  // The values seen so far: none.
  protected writeAccumulators(output: ObjectDataOutput): void {
    output.writeInt(0);
  }
  protected readAccumulators(input: ObjectDataInput): void {
    const count = input.readInt();
    for (let i = 0; i < count; i++) input.readObject();
  }
}

export class BigDecimalAverageAggregator<R> extends ObjectAverageStateAggregator<R> {
  readonly classId = AggregatorClassId.BIG_DECIMAL_AVG;
  protected initial(): unknown {
    return new BigDecimal(0n, 0);
  }
}

export class BigDecimalSumAggregator<R> extends ObjectStateAggregator<R> {
  readonly classId = AggregatorClassId.BIG_DECIMAL_SUM;
  protected initial(): unknown {
    return new BigDecimal(0n, 0);
  }
}

export class BigIntegerAverageAggregator<R> extends ObjectAverageStateAggregator<R> {
  readonly classId = AggregatorClassId.BIG_INTEGER_AVG;
  protected initial(): unknown {
    return 0n;
  }
}

export class BigIntegerSumAggregator<R> extends ObjectStateAggregator<R> {
  readonly classId = AggregatorClassId.BIG_INTEGER_SUM;
  protected initial(): unknown {
    return 0n;
  }
}

export class DoubleAverageAggregator<R> extends DoubleAverageStateAggregator<R> {
  readonly classId = AggregatorClassId.DOUBLE_AVG;
}

export class DoubleSumAggregator<R> extends DoubleStateAggregator<R> {
  readonly classId = AggregatorClassId.DOUBLE_SUM;
}

export class FixedSumAggregator<R> extends LongStateAggregator<R> {
  readonly classId = AggregatorClassId.FIXED_SUM;
}

export class FloatingPointSumAggregator<R> extends DoubleStateAggregator<R> {
  readonly classId = AggregatorClassId.FLOATING_POINT_SUM;
}

export class IntegerAverageAggregator<R> extends LongAverageStateAggregator<R> {
  readonly classId = AggregatorClassId.INTEGER_AVG;
}

export class IntegerSumAggregator<R> extends LongStateAggregator<R> {
  readonly classId = AggregatorClassId.INTEGER_SUM;
}

export class LongAverageAggregator<R> extends LongAverageStateAggregator<R> {
  readonly classId = AggregatorClassId.LONG_AVG;
}

export class LongSumAggregator<R> extends LongStateAggregator<R> {
  readonly classId = AggregatorClassId.LONG_SUM;
}

export class NumberAverageAggregator<R> extends DoubleAverageStateAggregator<R> {
  readonly classId = AggregatorClassId.NUMBER_AVG;
}

export class MaxAggregator<R> extends ObjectStateAggregator<R> {
  readonly classId = AggregatorClassId.MAX;
  protected initial(): unknown {
    return null;
  }
}

export class MinAggregator<R> extends ObjectStateAggregator<R> {
  readonly classId = AggregatorClassId.MIN;
  protected initial(): unknown {
    return null;
  }
}

export class MaxByAggregator<R> extends ByStateAggregator<R> {
  readonly classId = AggregatorClassId.MAX_BY;
}

export class MinByAggregator<R> extends ByStateAggregator<R> {
  readonly classId = AggregatorClassId.MIN_BY;
}
