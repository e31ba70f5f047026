import { FrameSplitter, padding, requestHeader, responseHeader } from '../src/raw/frames';

const request = (id: number, size: number, responseSize: number): Buffer => Buffer.concat([requestHeader(id, size, responseSize), padding(size - 12)]);

describe('raw baseline frames', () => {
  it('writes the length, the correlation id and the response length', () => {
    const r = request(7, 40, 130);
    expect(r.length).toBe(40);
    expect([r.readInt32LE(0), r.readInt32LE(4), r.readInt32LE(8)]).toEqual([40, 7, 130]);
    const h = responseHeader(7, 130);
    expect([h.readInt32LE(0), h.readInt32LE(4)]).toEqual([130, 7]);
  });

  it('refuses frames smaller than their header', () => {
    expect(() => requestHeader(1, 11, 100)).toThrow(RangeError);
    expect(() => requestHeader(1, 12, 7)).toThrow(RangeError);
  });

  it('splits a stream into frames whatever the chunk boundaries', () => {
    const stream = Buffer.concat([request(1, 20, 8), request(2, 10_000, 8), request(3, 13, 8)]);
    for (const chunkSize of [1, 3, 4, 7, 19, 4096, stream.length]) {
      const splitter = new FrameSplitter();
      const seen: Array<[number, number]> = [];
      for (let at = 0; at < stream.length; at += chunkSize) {
        splitter.push(stream.subarray(at, at + chunkSize), (f) => seen.push([f.readInt32LE(4), f.length]));
      }
      expect(seen).toEqual([
        [1, 20],
        [2, 10_000],
        [3, 13],
      ]);
    }
  });
});
