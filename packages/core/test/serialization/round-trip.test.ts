/*
 * The seam for serialization that needs the cluster (Compact schemas): an extension throws a
 * SerializationNeedsRoundTripError synchronously from toData/toObject, toDataAsync and
 * toObjectAsync await its recover() and try again; attach() and sendStateToCluster() reach
 * every extension. IDS factories come from extensions.
 */
import {
  ClientMessage,
  DefaultSerializationService,
  HazelcastSerializationError,
  SchemaNotFoundError,
  SchemaNotReplicatedError,
  SerializationNeedsRoundTripError,
  TypeId,
  type IdentifiedDataSerializable,
  type ObjectDataInput,
  type ObjectDataOutput,
  type SerializationContext,
  type Serializer,
  type SerializerExtension,
} from '../../src';

class Gated {
  constructor(readonly value: number) {}
}

/** Writes Gated values only once `open` is set, reads them only once `known` is set; each recover() sets one. */
function gatedExtension(): { extension: SerializerExtension; state: { open: boolean; known: boolean; recoveries: string[]; contexts: SerializationContext[]; sent: number } } {
  const state = { open: false, known: false, recoveries: [] as string[], contexts: [] as SerializationContext[], sent: 0 };
  const serializer: Serializer<Gated> = {
    id: 1234,
    write(output, value) {
      if (!state.open) {
        throw new SerializationNeedsRoundTripError('the gate is closed', async () => {
          state.recoveries.push('open');
          await Promise.resolve();
          state.open = true;
        });
      }
      output.writeInt(value.value);
    },
    read(input) {
      if (!state.known) {
        throw new SerializationNeedsRoundTripError('unknown', async () => {
          state.recoveries.push('learn');
          state.known = true;
        });
      }
      return new Gated(input.readInt());
    },
  };
  return {
    state,
    extension: {
      name: 'gated',
      customSerializerFor: (value) => (value instanceof Gated ? (serializer as Serializer) : undefined),
      serializerForTypeId: (typeId) => (typeId === 1234 ? (serializer as Serializer) : undefined),
      attach: (context) => void state.contexts.push(context),
      sendStateToCluster: async () => {
        state.sent++;
      },
    },
  };
}

describe('serialization that needs a round trip', () => {
  it('is thrown synchronously by toData, passed through unwrapped, and nothing is produced', () => {
    const { extension } = gatedExtension();
    const service = new DefaultSerializationService({}, [extension]);
    expect(() => service.toData(new Gated(1))).toThrow(SerializationNeedsRoundTripError);
    expect(() => service.toData([new Gated(1)])).toThrow(SerializationNeedsRoundTripError);
    // The service is usable after it (its scratch output was released).
    expect(service.toObject(service.toData('x'))).toBe('x');
  });

  it('toDataAsync recovers once and writes; the next toData is synchronous', async () => {
    const { extension, state } = gatedExtension();
    const service = new DefaultSerializationService({}, [extension]);
    const data = await service.toDataAsync(new Gated(7));
    expect(state.recoveries).toEqual(['open']);
    expect(data!.getType()).toBe(1234);
    expect(service.toData(new Gated(8))!.getType()).toBe(1234);
    expect(state.recoveries).toEqual(['open']);
  });

  it('toObjectAsync recovers and reads; both pass other values straight through', async () => {
    const { extension, state } = gatedExtension();
    const writer = new DefaultSerializationService({}, [extension]);
    state.open = true;
    const data = writer.toData(new Gated(9));
    expect(() => writer.toObject(data)).toThrow(SerializationNeedsRoundTripError);
    expect(await writer.toObjectAsync(data)).toEqual(new Gated(9));
    expect(state.recoveries).toEqual(['learn']);
    expect(await writer.toDataAsync(null)).toBeNull();
    expect(await writer.toObjectAsync(null)).toBeNull();
    expect(await writer.toObjectAsync(writer.toData(5))).toBe(5);
  });

  it('rejects with other errors, and with the recovery error when recovery fails', async () => {
    const service = new DefaultSerializationService();
    await expect(service.toDataAsync(undefined)).rejects.toThrow(HazelcastSerializationError);
    const failing: SerializerExtension = {
      customSerializerFor: () => ({
        id: 5,
        read: () => null,
        write: () => {
          throw new SerializationNeedsRoundTripError('needs the cluster', () => Promise.reject(new HazelcastSerializationError('no cluster')));
        },
      }),
    };
    await expect(new DefaultSerializationService({}, [failing]).toDataAsync(new Gated(1))).rejects.toThrow('no cluster');
  });

  it('gives up when recovering does not help', async () => {
    let recoveries = 0;
    const stuck: SerializerExtension = {
      customSerializerFor: () => ({
        id: 5,
        read: () => null,
        write: () => {
          throw new SerializationNeedsRoundTripError('stuck', async () => void recoveries++);
        },
      }),
    };
    await expect(new DefaultSerializationService({}, [stuck]).toDataAsync(new Gated(1))).rejects.toThrow('stuck');
    expect(recoveries).toBe(64);
  });

  it('recover() runs the round trip once', async () => {
    let runs = 0;
    const error = new SchemaNotReplicatedError('m', ['1'], ['T'], async () => void runs++);
    await Promise.all([error.recover(), error.recover()]);
    expect(runs).toBe(1);
    expect(error).toBeInstanceOf(SerializationNeedsRoundTripError);
    expect([error.name, error.typeId, error.typeNames]).toEqual(['SchemaNotReplicatedError', TypeId.COMPACT, ['T']]);
    const notFound = new SchemaNotFoundError('m', '-5', async () => undefined);
    expect([notFound.name, notFound.schemaId]).toEqual(['SchemaNotFoundError', '-5']);
  });

  it('attach() and sendStateToCluster() reach every extension', async () => {
    const a = gatedExtension();
    const b = gatedExtension();
    const service = new DefaultSerializationService({}, [a.extension, {}, b.extension]);
    const context: SerializationContext = { invoke: async (request: ClientMessage) => request };
    service.attach(context);
    expect([a.state.contexts, b.state.contexts]).toEqual([[context], [context]]);
    await service.sendStateToCluster();
    expect([a.state.sent, b.state.sent]).toEqual([1, 1]);
  });
});

describe('IdentifiedDataSerializable factories from extensions', () => {
  class Point implements IdentifiedDataSerializable {
    readonly factoryId = 66;
    readonly classId = 7;
    constructor(public x = 0) {}
    writeData(out: ObjectDataOutput): void {
      out.writeInt(this.x);
    }
    readData(input: ObjectDataInput): void {
      this.x = input.readInt();
    }
  }

  it('read IDS values written by the core', () => {
    const service = new DefaultSerializationService({}, [{ name: 'points', dataSerializableFactories: new Map([[66, () => new Point()]]) }]);
    expect(service.toObject(service.toData(new Point(3)))).toEqual(new Point(3));
    expect(service.toObject(service.toData([new Point(4)]))).toEqual([new Point(4)]);
  });
});
