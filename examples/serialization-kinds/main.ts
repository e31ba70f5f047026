// One Employee value stored in the four object formats of Hazelcast and read back: JSON (a
// plain object), IdentifiedDataSerializable, Portable and Compact. The formats beyond JSON come
// from @hz/serialization, which `Client` (@hz/client) wires in from `config.serialization`.
import {
  Client,
  type ClientConfig,
  type CompactReader,
  type CompactSerializer,
  type CompactWriter,
  type IdentifiedDataSerializable,
  type ObjectDataInput,
  type ObjectDataOutput,
  type Portable,
  type PortableReader,
  type PortableWriter,
} from '@hz/client';
import { findCluster } from '../support/cluster';

const say = (line: string): void => console.log(line);

/** IdentifiedDataSerializable: fields written and read in a fixed order; no class names on the wire. */
class IdsEmployee implements IdentifiedDataSerializable {
  readonly factoryId = 1;
  readonly classId = 1;
  constructor(
    public name = '',
    public age = 0,
  ) {}
  writeData(output: ObjectDataOutput): void {
    output.writeString(this.name);
    output.writeInt(this.age);
  }
  readData(input: ObjectDataInput): void {
    this.name = input.readString() ?? '';
    this.age = input.readInt();
  }
}

/** Portable: named fields, versioned classes, queryable without the class on the member. */
class PortableEmployee implements Portable {
  factoryId = 2;
  classId = 1;
  constructor(
    public name = '',
    public age = 0,
  ) {}
  writePortable(writer: PortableWriter): void {
    writer.writeString('name', this.name);
    writer.writeInt('age', this.age);
  }
  readPortable(reader: PortableReader): void {
    this.name = reader.readString('name') ?? '';
    this.age = reader.readInt('age');
  }
}

/** Compact: a plain class, with a serializer that names its type; the schema goes to the cluster. */
class CompactEmployee {
  constructor(
    public name: string,
    public age: number,
  ) {}
}

const compactEmployeeSerializer: CompactSerializer<CompactEmployee> = {
  typeName: 'Employee',
  class: CompactEmployee,
  read: (reader: CompactReader) => new CompactEmployee(reader.readString('name') ?? '', reader.readInt32('age')),
  write: (writer: CompactWriter, value: CompactEmployee) => {
    writer.writeString('name', value.name);
    writer.writeInt32('age', value.age);
  },
};

/** The serialization part of the config (the official client's shape). */
const serialization: ClientConfig['serialization'] = {
  dataSerializableFactories: { 1: (classId) => (classId === 1 ? new IdsEmployee() : undefined) },
  portableFactories: { 2: (classId) => (classId === 1 ? new PortableEmployee() : undefined) },
  compact: { serializers: [compactEmployeeSerializer as CompactSerializer<unknown>] },
};

const show = (value: unknown): string =>
  value === null ? 'null' : `${(value as object).constructor.name} ${JSON.stringify({ ...(value as object), factoryId: undefined, classId: undefined })}`;

async function main(): Promise<void> {
  const { clusterName, members, dev } = await findCluster(1);

  const client = await Client.newHazelcastClient({
    clusterName,
    network: { clusterMembers: members },
    properties: { 'hazelcast.logging.level': 'WARN' },
    serialization,
  });
  let failed = false;
  try {
    const map = await client.getMap<string, unknown>('employees-by-format');
    await map.clear();
    const values: Array<[string, unknown]> = [
      ['json', { name: 'Maria', age: 34 }],
      ['identified', new IdsEmployee('Maria', 34)],
      ['portable', new PortableEmployee('Maria', 34)],
      ['compact', new CompactEmployee('Maria', 34)],
    ];
    for (const [format, value] of values) {
      try {
        await map.put(format, value);
        const back = await map.get(format);
        say(`${format}: stored and read back ${show(back)}`);
      } catch (error) {
        failed = true;
        say(`${format}: FAILED: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
      }
    }
    say(failed ? 'done, with failures' : 'done');
  } finally {
    await client.shutdown();
    await dev?.shutdown();
  }
  if (failed) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
