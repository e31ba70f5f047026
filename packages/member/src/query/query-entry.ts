// One map entry as queries see it: the stored key and value Data, decoded on first use (once per
// query, however many predicates read them) through the accessor of their format.
import { HeapData, typeIdName, type Data, type DefaultSerializationService } from '@hz/core';
import { MemberError } from '../dispatch/errors';
import { Structured, extract, terminalOf, type AccessorRegistry, type Extraction, type QueryTarget, type Terminal } from './accessor';
import { parseAttributePath } from './attribute-path';
import { serializationError } from './errors';
import { javaHashCode } from './java-compare';

/** What entries need to decode themselves. */
export interface QueryContext {
  readonly serializationService: DefaultSerializationService;
  readonly accessors: AccessorRegistry;
}

function asData(bytes: Data | Buffer): Data {
  return Buffer.isBuffer(bytes) ? new HeapData(bytes) : bytes;
}

export class QueryEntry {
  readonly keyData: Data;
  readonly valueData: Data;
  private keyTarget: QueryTarget | undefined;
  private valueTarget: QueryTarget | undefined;

  /** `key` and `value` are stored Data (or their bytes, header included). */
  constructor(key: Data | Buffer, value: Data | Buffer, private readonly context: QueryContext) {
    this.keyData = asData(key);
    this.valueData = asData(value);
  }

  /** The decoded key. */
  key(): QueryTarget {
    return (this.keyTarget ??= this.resolve(this.keyData, 'key'));
  }

  /** The decoded value. */
  value(): QueryTarget {
    return (this.valueTarget ??= this.resolve(this.valueData, 'value'));
  }

  private resolve(data: Data, what: string): QueryTarget {
    try {
      return this.context.accessors.resolve(data, this.context.serializationService);
    } catch (error) {
      if (error instanceof MemberError) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw serializationError(`Cannot read a stored ${what} (${typeIdName(data.getType())}) to query it: ${reason}`);
    }
  }

  /** The values of an attribute path (`__key`, `this`, `a.b[0]`, `people[any].name`). */
  extract(attribute: string): Extraction {
    const path = parseAttributePath(attribute);
    return extract(path.target === 'key' ? this.key() : this.value(), path.steps);
  }

  /** The key as one typed value. */
  keyValue(): Terminal {
    const { accessor, root } = this.key();
    return terminalOf(accessor, root);
  }

  /** The value as one typed value. */
  valueValue(): Terminal {
    const { accessor, root } = this.value();
    return terminalOf(accessor, root);
  }

  /** Java's hashCode of the key where the engine knows it, else the hash of the key's bytes. */
  keyHashCode(): number {
    const key = this.keyValue();
    return (key instanceof Structured ? undefined : javaHashCode(key)) ?? this.keyData.hashCode();
  }

  /** Java class names of the value, for instanceOf. */
  valueClassNames(): readonly string[] {
    const { accessor, root } = this.value();
    return accessor.classNames?.(root) ?? [];
  }
}
