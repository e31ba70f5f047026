// The SqlPredicate grammar: precedence, NOT forms, values, quoting, errors.
import { jv, parseSql } from '../../src/query';

const s = (text: string) => jv('string', text);

describe('SQL predicate parser', () => {
  it('parses comparisons with every operator; values are strings to convert later', () => {
    expect(parseSql('age = 30')).toEqual({ kind: 'equal', attribute: 'age', value: s('30') });
    expect(parseSql('age == 30')).toEqual({ kind: 'equal', attribute: 'age', value: s('30') });
    expect(parseSql('age != 30')).toEqual({ kind: 'notEqual', attribute: 'age', value: s('30') });
    expect(parseSql('age <> 30')).toEqual({ kind: 'notEqual', attribute: 'age', value: s('30') });
    expect(parseSql('age<30')).toEqual({ kind: 'greaterLess', attribute: 'age', value: s('30'), equal: false, less: true });
    expect(parseSql('age<=30')).toEqual({ kind: 'greaterLess', attribute: 'age', value: s('30'), equal: true, less: true });
    expect(parseSql('age >30')).toEqual({ kind: 'greaterLess', attribute: 'age', value: s('30'), equal: false, less: false });
    expect(parseSql('age>= 30')).toEqual({ kind: 'greaterLess', attribute: 'age', value: s('30'), equal: true, less: false });
  });

  it('gives OR the loosest binding, then AND, then NOT, and flattens chains', () => {
    expect(parseSql('a = 1 OR b = 2 AND c = 3')).toEqual({
      kind: 'or',
      predicates: [
        { kind: 'equal', attribute: 'a', value: s('1') },
        { kind: 'and', predicates: [{ kind: 'equal', attribute: 'b', value: s('2') }, { kind: 'equal', attribute: 'c', value: s('3') }] },
      ],
    });
    expect(parseSql('NOT a = 1 AND b = 2')).toEqual({
      kind: 'and',
      predicates: [{ kind: 'not', predicate: { kind: 'equal', attribute: 'a', value: s('1') } }, { kind: 'equal', attribute: 'b', value: s('2') }],
    });
    expect(parseSql('(a = 1 and b = 2) AND (c = 3 AnD d = 4)')).toMatchObject({ kind: 'and', predicates: [{}, {}, {}, {}] });
    expect(parseSql('a = 1 or (b = 2 or c = 3)')).toMatchObject({ kind: 'or', predicates: [{}, {}, {}] });
  });

  it('parses BETWEEN, IN, LIKE, ILIKE, REGEX and their NOT forms', () => {
    expect(parseSql('age BETWEEN 20 AND 33')).toEqual({ kind: 'between', attribute: 'age', from: s('20'), to: s('33') });
    expect(parseSql('age not between 20 and 33 and x = 1')).toEqual({
      kind: 'and',
      predicates: [{ kind: 'not', predicate: { kind: 'between', attribute: 'age', from: s('20'), to: s('33') } }, { kind: 'equal', attribute: 'x', value: s('1') }],
    });
    expect(parseSql("name IN ('a, b', c,null)")).toEqual({ kind: 'in', attribute: 'name', values: [s('a, b'), s('c'), s('null')] });
    expect(parseSql('age NOT IN (1)')).toEqual({ kind: 'not', predicate: { kind: 'in', attribute: 'age', values: [s('1')] } });
    expect(parseSql("name LIKE 'Jo%'")).toEqual({ kind: 'like', attribute: 'name', expression: 'Jo%' });
    expect(parseSql('__key like M%')).toEqual({ kind: 'like', attribute: '__key', expression: 'M%' });
    expect(parseSql("name NOT ILIKE 'jo_'")).toEqual({ kind: 'not', predicate: { kind: 'ilike', attribute: 'name', expression: 'jo_' } });
    expect(parseSql("name regex 'abc-.*'")).toEqual({ kind: 'regex', attribute: 'name', regex: 'abc-.*' });
  });

  it('reads quoted strings with doubled quotes, null, bare attributes and paths', () => {
    expect(parseSql("name = 'O''Brien'")).toEqual({ kind: 'equal', attribute: 'name', value: s("O'Brien") });
    expect(parseSql("name = 'a AND b = (c)'")).toEqual({ kind: 'equal', attribute: 'name', value: s('a AND b = (c)') });
    expect(parseSql('name = null')).toEqual({ kind: 'equal', attribute: 'name', value: null });
    expect(parseSql('name = NULL')).toEqual({ kind: 'equal', attribute: 'name', value: null });
    expect(parseSql("name = 'null'")).toEqual({ kind: 'equal', attribute: 'name', value: s('null') });
    expect(parseSql('active')).toEqual({ kind: 'equal', attribute: 'active', value: s('true') });
    expect(parseSql('active AND age < 30')).toMatchObject({ kind: 'and', predicates: [{ kind: 'equal', attribute: 'active', value: s('true') }, {}] });
    expect(parseSql('people[any].name = Peter')).toEqual({ kind: 'equal', attribute: 'people[any].name', value: s('Peter') });
    expect(parseSql('%age > 5')).toMatchObject({ attribute: 'age' });
    expect(parseSql('this > 5 AND this < 100')).toMatchObject({ kind: 'and' });
    expect(parseSql('  a\n=\t1  ')).toEqual({ kind: 'equal', attribute: 'a', value: s('1') });
  });

  it('rejects invalid SQL as IllegalArgumentException', () => {
    for (const bad of ['', 'a =', "name = 'open", 'a = 1 AND', '(a = 1', 'a = 1)', 'a BETWEEN 1', 'a IN 1, 2', 'AND a = 1', 'a NOT = 1', 'a > null', 'a ! 1']) {
      expect(() => parseSql(bad)).toThrow(expect.objectContaining({ className: 'java.lang.IllegalArgumentException' }));
    }
  });
});
