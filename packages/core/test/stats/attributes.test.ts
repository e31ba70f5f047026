import { buildClientAttributes, escapeAttribute, nearCacheAttributeKey } from '@hz/core/stats';

// The official Node.js client's escaping helpers, used as a reference.
const { Statistics: OfficialStatistics } = require('hazelcast-client/lib/statistics/Statistics') as {
  Statistics: {
    getNameWithPrefix(name: string): string[];
    escapeSpecialCharacters(buffer: string[], start: number): void;
  };
};

/** Splits like the member/Management Center side (Java ClientStatisticsService.split + unescape). */
function parseAttributes(text: string): Array<[string, string]> {
  const split = (s: string, sep: string): string[] => {
    const out: string[] = [];
    let start = 0;
    for (let i = 0; i < s.length; i++) {
      if (s[i] === sep && s[i - 1] !== '\\') {
        out.push(s.slice(start, i));
        start = i + 1;
      }
    }
    if (s.length > start) out.push(s.slice(start));
    return out;
  };
  const unescape = (s: string): string => s.replace(/\\(.)/g, '$1');
  return split(text, ',').map((pair) => {
    const [k, v = ''] = split(pair, '=');
    return [k!, unescape(v)];
  });
}

describe('client attributes', () => {
  it('renders key=value pairs joined by commas', () => {
    expect(
      buildClientAttributes([
        ['lastStatisticsCollectionTime', 1700000000123],
        ['enterprise', false],
        ['clientType', 'NJS'],
        ['os.systemLoadAverage', 1.5],
      ]),
    ).toBe('lastStatisticsCollectionTime=1700000000123,enterprise=false,clientType=NJS,os.systemLoadAverage=1.5');
    expect(buildClientAttributes([])).toBe('');
  });

  it("escapes ',', '=' and '\\' in values with a backslash, leaving '.' alone", () => {
    expect(escapeAttribute('a,b=c\\d.e')).toBe('a\\,b\\=c\\\\d.e');
    expect(buildClientAttributes([['clientName', 'x=1,y'], ['credentials.principal', 'dom\\user']])).toBe(
      'clientName=x\\=1\\,y,credentials.principal=dom\\\\user',
    );
  });

  it('escapes like the official client (which also escapes dots in near-cache names)', () => {
    for (const s of ['plain', 'a.b', 'a,b=c\\d', '..,,==\\\\', 'ünï.cødé', '']) {
      const buffer = [...s];
      OfficialStatistics.escapeSpecialCharacters(buffer, 0);
      expect(escapeAttribute(s, true)).toBe(buffer.join(''));
      expect(escapeAttribute(s)).toBe(buffer.join('').replace(/\\\./g, '.'));
    }
  });

  it('builds near-cache keys like Java ClientStatisticsService.getNameWithPrefix', () => {
    // (The Node.js client's getNameWithPrefix works on an array of whole strings, so it neither strips
    // the '/' nor escapes multi-character names; the Java client is the reference here.)
    expect(nearCacheAttributeKey('orders', 'hits')).toBe('nc.orders.hits');
    expect(nearCacheAttributeKey('orders', 'hits')).toBe(OfficialStatistics.getNameWithPrefix('orders').join('') + '.hits');
    expect(nearCacheAttributeKey('/orders', 'hits')).toBe('nc.orders.hits');
    expect(nearCacheAttributeKey('/my.map', 'misses')).toBe('nc.my\\.map.misses');
    expect(nearCacheAttributeKey('a.b,c=d\\e', 'hits')).toBe('nc.a\\.b\\,c\\=d\\\\e.hits');
    expect(nearCacheAttributeKey('//x', 'hits')).toBe('nc./x.hits');
  });

  it('round-trips through a member-side split/unescape', () => {
    const entries: Array<[string, string]> = [
      ['clientName', 'hz.client_1'],
      ['clientAddress', '127.0.0.1:5701'],
      ['credentials.principal', 'a=b,c'],
      ['weird', ',=,='],
    ];
    expect(parseAttributes(buildClientAttributes(entries))).toEqual(entries);
  });
});
