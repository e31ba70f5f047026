// The values of the end-to-end query tests: the seeds' Employee as a Portable (factory 1000,
// class 100) and as a Compact type ("Employee"), with a nested Address, and an
// IdentifiedDataSerializable Employee; written only against the API both clients share (the
// official `hazelcast-client` and `@hz/client` take the same classes and serializers).
import type { TestCluster } from '../support/cluster';

/** What the Portable classes read and write through (both clients' PortableReader/PortableWriter). */
interface PortableWriter {
  writeString(field: string, value: string | null): void;
  writeInt(field: string, value: number): void;
  writeBoolean(field: string, value: boolean): void;
  writeDouble(field: string, value: number): void;
  writePortable(field: string, value: unknown): void;
  writeNullPortable(field: string, factoryId: number, classId: number): void;
}
interface PortableReader {
  readString(field: string): string | null;
  readInt(field: string): number;
  readBoolean(field: string): boolean;
  readDouble(field: string): number;
  readPortable(field: string): unknown;
}

export const PORTABLE_FACTORY_ID = 1000;

export class PortableAddress {
  readonly factoryId = PORTABLE_FACTORY_ID;
  readonly classId = 101;
  constructor(public city = '') {}
  writePortable(w: PortableWriter): void {
    w.writeString('city', this.city);
  }
  readPortable(r: PortableReader): void {
    this.city = r.readString('city') ?? '';
  }
}

/** The seeds' Employee (name, age, active, salary) with an address. */
export class PortableEmployee {
  readonly factoryId = PORTABLE_FACTORY_ID;
  readonly classId = 100;
  constructor(
    public name = '',
    public age = 0,
    public active = false,
    public salary = 0,
    public address: PortableAddress | null = null,
  ) {}
  writePortable(w: PortableWriter): void {
    w.writeString('name', this.name);
    w.writeInt('age', this.age);
    w.writeBoolean('active', this.active);
    w.writeDouble('salary', this.salary);
    if (this.address === null) w.writeNullPortable('address', PORTABLE_FACTORY_ID, 101);
    else w.writePortable('address', this.address);
  }
  readPortable(r: PortableReader): void {
    this.name = r.readString('name') ?? '';
    this.age = r.readInt('age');
    this.active = r.readBoolean('active');
    this.salary = r.readDouble('salary');
    this.address = r.readPortable('address') as PortableAddress | null;
  }
}

export const portableFactories = {
  [PORTABLE_FACTORY_ID]: (classId: number): PortableEmployee | PortableAddress | undefined =>
    classId === 100 ? new PortableEmployee() : classId === 101 ? new PortableAddress() : undefined,
};

/** What the Compact serializers read and write through (both clients' CompactReader/CompactWriter). */
interface CompactWriter {
  writeString(field: string, value: string | null): void;
  writeInt32(field: string, value: number): void;
  writeBoolean(field: string, value: boolean): void;
  writeFloat64(field: string, value: number): void;
  writeCompact(field: string, value: unknown): void;
  writeArrayOfString(field: string, value: Array<string | null> | null): void;
}
interface CompactReader {
  readString(field: string): string | null;
  readInt32(field: string): number;
  readBoolean(field: string): boolean;
  readFloat64(field: string): number;
  readCompact(field: string): unknown;
  readArrayOfString(field: string): Array<string | null> | null;
}

export class CompactAddress {
  constructor(public city: string) {}
}

export class CompactEmployee {
  constructor(
    public name: string,
    public age: number,
    public active: boolean,
    public salary: number,
    public address: CompactAddress | null = null,
    public skills: string[] = [],
  ) {}
}

/** The official client's form of a Compact serializer (@hz/client takes it too). */
export const compactAddressSerializer = {
  getClass: (): typeof CompactAddress => CompactAddress,
  getTypeName: (): string => 'Address',
  read: (r: CompactReader): CompactAddress => new CompactAddress(r.readString('city') ?? ''),
  write: (w: CompactWriter, a: CompactAddress): void => w.writeString('city', a.city),
};

export const compactEmployeeSerializer = {
  getClass: (): typeof CompactEmployee => CompactEmployee,
  getTypeName: (): string => 'Employee',
  read: (r: CompactReader): CompactEmployee =>
    new CompactEmployee(
      r.readString('name') ?? '',
      r.readInt32('age'),
      r.readBoolean('active'),
      r.readFloat64('salary'),
      r.readCompact('address') as CompactAddress | null,
      (r.readArrayOfString('skills') ?? []) as string[],
    ),
  write: (w: CompactWriter, e: CompactEmployee): void => {
    w.writeString('name', e.name);
    w.writeInt32('age', e.age);
    w.writeBoolean('active', e.active);
    w.writeFloat64('salary', e.salary);
    w.writeCompact('address', e.address);
    w.writeArrayOfString('skills', e.skills);
  },
};

/** An IdentifiedDataSerializable Employee: the member reads it with a factory registered on it. */
interface DataOutput {
  writeString(value: string | null): void;
  writeInt(value: number): void;
  writeBoolean(value: boolean): void;
}
interface DataInput {
  readString(): string | null;
  readInt(): number;
  readBoolean(): boolean;
}
export const IDS_FACTORY_ID = 2000;

export class IdsEmployee {
  readonly factoryId = IDS_FACTORY_ID;
  readonly classId = 1;
  constructor(
    public name = '',
    public age = 0,
    public active = false,
  ) {}
  writeData(out: DataOutput): void {
    out.writeString(this.name);
    out.writeInt(this.age);
    out.writeBoolean(this.active);
  }
  readData(input: DataInput): void {
    this.name = input.readString() ?? '';
    this.age = input.readInt();
    this.active = input.readBoolean();
  }
}

export const idsFactory = (classId: number): IdsEmployee | undefined => (classId === 1 ? new IdsEmployee() : undefined);

/** The seeds' four employees. */
export const EMPLOYEES: ReadonlyArray<readonly [string, string, number, boolean, number, string | null]> = [
  // key, name, age, active, salary, city
  ['e1', 'Joe', 28, true, 50000, 'Oslo'],
  ['e2', 'Josh', 45, false, 70000, 'Rome'],
  ['e3', 'Mary', 23, true, 40000, null],
  ['e4', 'Peter', 33, true, 90000, 'Oslo'],
];

/** The client config both clients accept, with the serialization of these values. */
export function clientConfig(cluster: TestCluster, name: string, serialization: object = defaultSerialization()): object {
  return {
    clusterName: cluster.clusterName,
    instanceName: name,
    network: { clusterMembers: cluster.addresses },
    connectionStrategy: { connectionRetry: { clusterConnectTimeoutMillis: 5000 } },
    serialization,
    properties: { 'hazelcast.logging.level': 'OFF' },
  };
}

export function defaultSerialization(): object {
  return {
    portableFactories,
    dataSerializableFactories: { [IDS_FACTORY_ID]: idsFactory },
    compact: { serializers: [compactAddressSerializer, compactEmployeeSerializer] },
  };
}

/** Map names no other test uses. */
let sequence = 0;
export function uniqueName(prefix: string): string {
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${++sequence}`;
}

/** Sorted, for order-free comparison. */
export function sorted<T>(values: Iterable<T>): T[] {
  return [...values].sort((a, b) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0));
}
