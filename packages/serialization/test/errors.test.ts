/*
 * Bad input: every failure is a typed error that names what is wrong (the option, the type,
 * the factory and class ids), and the service keeps working after it.
 */
import {
  DefaultSerializationService,
  HazelcastSerializationError,
  HeapData,
  InvalidConfigurationError,
  type IdentifiedDataSerializable,
  type ObjectDataInput,
  type ObjectDataOutput,
  type SerializationConfig,
} from '@hz/core';
import {
  ClassDefinitionBuilder,
  compactFormat,
  createSerializationExtension,
  createSerializationExtensionOf,
  customFormat,
  identifiedFormat,
  type CompactWriter,
  type Portable,
  type PortableWriter,
} from '../src';

function service(config: SerializationConfig): DefaultSerializationService {
  return new DefaultSerializationService(config, [createSerializationExtension(config)]);
}

class Point implements IdentifiedDataSerializable {
  constructor(
    readonly factoryId = 66,
    readonly classId = 7,
    public x = 0,
  ) {}
  writeData(out: ObjectDataOutput): void {
    out.writeInt(this.x);
  }
  readData(input: ObjectDataInput): void {
    this.x = input.readInt();
  }
}

function expectWorking(s: DefaultSerializationService): void {
  expect(s.toObject(s.toData({ still: 'working' }))).toEqual({ still: 'working' });
}

describe('reading unknown classes', () => {
  it('an IdentifiedDataSerializable factory id without a factory', () => {
    const s = service({ dataSerializableFactories: { 1: () => new Point() } });
    const data = s.toData(new Point(66, 7, 1));
    expect(() => s.toObject(data)).toThrow(HazelcastSerializationError);
    expect(() => s.toObject(data)).toThrow(/factoryId=66 classId=7: configure serialization.dataSerializableFactories\[66\]/);
    expectWorking(s);
  });

  it('a class id the factory does not know', () => {
    const s = service({ dataSerializableFactories: { 66: (classId) => (classId === 1 ? new Point() : undefined) } });
    expect(() => s.toObject(s.toData(new Point(66, 7, 1)))).toThrow(/Unknown IdentifiedDataSerializable factoryId=66 classId=7/);
    expectWorking(s);
  });

  it('a factory that fails or creates something else', () => {
    const failing = service({ dataSerializableFactories: { 66: () => { throw new Error('boom'); } } });
    expect(() => failing.toObject(failing.toData(new Point()))).toThrow(/factory 66 failed to create classId=7: boom/);
    const wrong = service({ dataSerializableFactories: { 66: () => ({}) as IdentifiedDataSerializable } });
    expect(() => wrong.toObject(wrong.toData(new Point()))).toThrow(/created a Object for classId=7, which is not IdentifiedDataSerializable/);
  });

  it('a Portable class its factory does not know', () => {
    class Thing implements Portable {
      readonly factoryId = 3;
      readonly classId = 4;
      writePortable(w: PortableWriter): void {
        w.writeInt('a', 1);
      }
      readPortable(): void {}
    }
    const s = service({ portableFactories: { 3: () => null } });
    expect(() => s.toObject(s.toData(new Thing()))).toThrow(/unknown Portable class factoryId=3 classId=4/);
    expectWorking(s);
  });

  it('a custom type id without a serializer', () => {
    const writer = service({ customSerializers: [{ id: 77, read: () => 1, write: () => undefined }] });
    const data = writer.toData({ hzCustomId: 77 })!;
    const reader = service({});
    expect(() => reader.toObject(data)).toThrow(/There is no serializer for type id 77: register a custom serializer with that id/);
    expectWorking(reader);
  });

  it('truncated or corrupt bytes', () => {
    class Thing implements Portable {
      readonly factoryId = 3;
      readonly classId = 4;
      writePortable(w: PortableWriter): void {
        w.writeString('a', 'some text');
      }
      readPortable(): void {}
    }
    const s = service({});
    const bytes = s.toData(new Thing())!.toBuffer();
    expect(() => s.toObject(new HeapData(bytes.subarray(0, bytes.length - 5)))).toThrow(HazelcastSerializationError);
    const corrupt = Buffer.from(bytes);
    corrupt.writeInt32BE(1_000_000, 24); // the field count
    expect(() => s.toObject(new HeapData(corrupt))).toThrow(/Malformed Portable factoryId=3 classId=4/);
    expectWorking(s);
  });
});

describe('writing values nothing serializes', () => {
  it('names the type', () => {
    const s = service({});
    expect(() => s.toData(new Map([[1, 2]]))).toThrow(/There is no serializer for a value of type Map/);
    expect(() => s.toData(() => 1)).toThrow(HazelcastSerializationError);
    expect(() => s.toData({ hzCustomId: 5 })).toThrow(/no custom serializer with id 5.*of type Object/);
    expectWorking(s);
  });

  it('names the Compact class and the field', async () => {
    class Bad {
      constructor(readonly v: number) {}
    }
    const s = service({
      compact: { serializers: [{ typeName: 'Bad', class: Bad, read: () => new Bad(0), write: (w: CompactWriter) => w.writeInt32('v', 1) }] },
    });
    class Unregistered {}
    const extension = createSerializationExtension({ compact: { serializers: [] } });
    const compactOnly = new DefaultSerializationService({}, [extension]);
    expect(() => compactOnly.toData(new Unregistered())).not.toThrow(); // JSON fallback
    expect(() => s.toData(new Bad(1))).toThrow(/Compact schema\(s\) of Bad must be sent/);
    expectWorking(s);
  });
});

describe('config validation', () => {
  const bad: Array<[string, SerializationConfig, RegExp]> = [
    ['factory keys', { dataSerializableFactories: { abc: () => new Point() } as never }, /serialization.dataSerializableFactories\["abc"\] is not a factory id/],
    ['factory functions', { portableFactories: { 1: 'nope' } as never }, /serialization.portableFactories\[1\] must be a function/],
    ['portableVersion', { portableVersion: -1 }, /serialization.portableVersion must be a non-negative integer, got -1/],
    ['classDefinitions', { classDefinitions: [{}] as never }, /serialization.classDefinitions\[0\] must be a ClassDefinition/],
    [
      'conflicting classDefinitions',
      { classDefinitions: [new ClassDefinitionBuilder(1, 1).addIntField('a').build(), new ClassDefinitionBuilder(1, 1).addLongField('a').build()] },
      /serialization.classDefinitions\[1\] conflicts/,
    ],
    ['custom ids', { customSerializers: [{ id: 0, read: () => 1, write: () => undefined }] }, /serialization.customSerializers\[0\].id must be a positive 32-bit integer/],
    [
      'duplicate custom ids',
      { customSerializers: [{ id: 3, read: () => 1, write: () => undefined }, { id: 3, read: () => 1, write: () => undefined }] },
      /serialization.customSerializers\[1\].id 3 is the id of another custom serializer/,
    ],
    ['custom read', { customSerializers: [{ id: 3, write: () => undefined } as never] }, /serialization.customSerializers\[0\].read must be a function/],
    [
      'global id',
      { customSerializers: [{ id: 3, read: () => 1, write: () => undefined }], globalSerializer: { id: 3, read: () => 1, write: () => undefined } },
      /serialization.globalSerializer.id 3 is the id of a custom serializer/,
    ],
    ['compact', { compact: [] as never }, /serialization.compact must be an object/],
    ['compact type names', { compact: { serializers: [{ class: class A {}, read: () => 1, write: () => undefined } as never] } }, /serialization.compact.serializers\[0\].typeName must be a non-empty string/],
    [
      'compact classes',
      { compact: { serializers: [{ typeName: 'D', class: Date, read: () => new Date(), write: () => undefined }] } },
      /serialization.compact.serializers\[0\].class cannot be Date: a built-in serializer writes it/,
    ],
    [
      'duplicate compact type names',
      {
        compact: {
          serializers: [
            { typeName: 'T', class: class A {}, read: () => 1, write: () => undefined },
            { typeName: 'T', class: class B {}, read: () => 1, write: () => undefined },
          ],
        },
      },
      /serialization.compact.serializers\[1\].typeName "T" is also the type name of compact.serializers\[0\]/,
    ],
    ['the config object', 'nope' as never, /serialization must be an object/],
  ];

  it.each(bad)('%s', (_, config, message) => {
    expect(() => createSerializationExtension(config)).toThrow(InvalidConfigurationError);
    expect(() => createSerializationExtension(config)).toThrow(message);
  });

  it('accepts the official client forms and an empty config', () => {
    class A {}
    expect(() =>
      createSerializationExtension({
        compact: { serializers: [{ getTypeName: () => 'A', getClass: () => A, read: () => new A(), write: () => undefined }] },
      }),
    ).not.toThrow();
    expect(() => createSerializationExtension(undefined)).not.toThrow();
    expect(() => createSerializationExtension(null)).not.toThrow();
  });

  it('names the option of a format left out of the extension', () => {
    expect(() => createSerializationExtensionOf({ portableFactories: {} }, [identifiedFormat, customFormat])).toThrow(
      /serialization.portableFactories is set but the Portable format is not included/,
    );
    expect(() => createSerializationExtensionOf({ compact: { serializers: [] } }, [compactFormat])).not.toThrow();
  });

  it('two extensions may not both read one IDS factory id', () => {
    const a = createSerializationExtension({ dataSerializableFactories: { 5: () => new Point() } });
    expect(() => new DefaultSerializationService({}, [a, { name: 'other', dataSerializableFactories: new Map([[5, () => new Point()]]) }])).toThrow(
      /factory id 5 is registered twice \(by @hz\/serialization and by other\)/,
    );
  });
});
