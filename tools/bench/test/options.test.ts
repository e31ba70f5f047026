import { parseOptions } from '../src/options';

describe('bench options', () => {
  it('defaults to the full matrix against a development member', () => {
    const o = parseOptions([], {});
    expect(o.ops).toEqual(['get', 'put', 'set', 'getAll']);
    expect(o.sizes).toEqual([100, 10240]);
    expect(o.concurrencies).toEqual([1, 16, 256]);
    expect(o.limit).toEqual({ durationMs: 3000 });
    expect(o.cluster).toBeNull();
  });

  it('--quick shortens the runs, but explicit options win', () => {
    const o = parseOptions(['--quick', '--rounds', '3'], {});
    expect(o.limit).toEqual({ durationMs: 500 });
    expect(o.warmupMs).toBe(250);
    expect(o.rounds).toBe(3);
    expect(parseOptions(['--quick', '--ops=2000'], {}).limit).toEqual({ ops: 2000 });
  });

  it('takes the cluster from HZ_CLUSTER_MEMBERS and HZ_CLUSTER_NAME', () => {
    expect(parseOptions([], { HZ_CLUSTER_MEMBERS: '10.0.0.1:5701, 10.0.0.2:5701', HZ_CLUSTER_NAME: 'prod' }).cluster).toEqual({
      members: ['10.0.0.1:5701', '10.0.0.2:5701'],
      clusterName: 'prod',
    });
  });

  it('rejects what it does not understand', () => {
    expect(() => parseOptions(['--op', 'remove'], {})).toThrow('--op takes');
    expect(() => parseOptions(['--duration', '1', '--ops', '5'], {})).toThrow('exclude');
    expect(() => parseOptions(['--concurrency', '0'], {})).toThrow('positive');
    expect(() => parseOptions(['--fast'], {})).toThrow('Unknown option');
  });
});
