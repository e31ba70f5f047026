// The built-in projections, written as the Java classes write them.
import type { ObjectDataInput, ObjectDataOutput, Projection } from '@hz/core';
import { PROJECTION_FACTORY_ID, ProjectionClassId } from '../ids';

// As Java's: a path is required and [any] is not allowed (a projection gives one value per path).
function checkPath(path: unknown): string {
  if (typeof path !== 'string' || path.trim() === '') throw new TypeError('The attribute path must be a non-empty string');
  if (path.includes('[any]')) throw new TypeError(`The attribute path must not contain [any]: "${path}"`);
  return path;
}

abstract class BuiltinProjection<R> implements Projection<R> {
  readonly factoryId = PROJECTION_FACTORY_ID;
  abstract readonly classId: number;
  declare readonly __result?: R;
  abstract writeData(output: ObjectDataOutput): void;
  abstract readData(input: ObjectDataInput): void;
}

/** Projects each entry to the value of one attribute. */
export class SingleAttributeProjection<R> extends BuiltinProjection<R> {
  readonly classId = ProjectionClassId.SINGLE_ATTRIBUTE;
  constructor(public attributePath: string) {
    super();
    checkPath(attributePath);
  }
  writeData(output: ObjectDataOutput): void {
    output.writeString(this.attributePath);
  }
  readData(input: ObjectDataInput): void {
    this.attributePath = input.readString() ?? '';
  }
}

/** Projects each entry to the values of several attributes, in order (a Java Object[]). */
export class MultiAttributeProjection extends BuiltinProjection<unknown[]> {
  readonly classId = ProjectionClassId.MULTI_ATTRIBUTE;
  attributePaths: string[];
  constructor(attributePaths: readonly string[]) {
    super();
    if (attributePaths.length === 0) throw new TypeError('At least one attribute path is needed');
    this.attributePaths = attributePaths.map(checkPath);
  }
  writeData(output: ObjectDataOutput): void {
    output.writeStringArray(this.attributePaths);
  }
  readData(input: ObjectDataInput): void {
    this.attributePaths = (input.readStringArray() ?? []).map((p) => p ?? '');
  }
}

/** Projects each entry to itself. */
export class IdentityProjection<R> extends BuiltinProjection<R> {
  readonly classId = ProjectionClassId.IDENTITY;
  writeData(): void {}
  readData(): void {}
}
