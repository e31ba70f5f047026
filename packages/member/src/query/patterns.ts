// LIKE, ILIKE and REGEX as the member matches them: Java regular expressions matched against the
// whole attribute, translated to JavaScript ones.
import { ErrorCode, MemberError } from '../dispatch/errors';

const SYNTAX = /[\\^$.*+?()[\]{}|/]/g;

function escapeLiteral(text: string): string {
  return text.replace(SYNTAX, '\\$&');
}

function patternError(expression: string, cause: unknown): MemberError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new MemberError(ErrorCode.UNDEFINED, `${reason} near "${expression}"`, 'java.util.regex.PatternSyntaxException');
}

/**
 * A LIKE expression as a regular expression, with the member's rules: `%` any characters, `_`
 * one, a backslash before `%` or `_` makes it literal (and is dropped), any other character,
 * backslashes included, is itself. `.` matches line breaks too (Java's DOTALL); ILIKE adds
 * Unicode case folding.
 */
export function likePattern(expression: string, ignoreCase: boolean): RegExp {
  let source = '';
  for (let i = 0; i < expression.length; i++) {
    const c = expression[i];
    const next = expression[i + 1];
    if (c === '\\' && (next === '%' || next === '_')) {
      source += escapeLiteral(next);
      i++;
    } else if (c === '%') {
      source += '.*';
    } else if (c === '_') {
      source += '.';
    } else {
      source += escapeLiteral(c);
    }
  }
  return new RegExp(`^(?:${source})$`, ignoreCase ? 'siu' : 'su');
}

const POSIX_CLASSES: Record<string, string> = {
  Lower: 'a-z',
  Upper: 'A-Z',
  ASCII: '\\x00-\\x7F',
  Alpha: 'a-zA-Z',
  Digit: '0-9',
  Alnum: 'a-zA-Z0-9',
  Punct: '!-\\/:-@\\[-`{-~',
  Graph: '!-~',
  Print: ' -~',
  Blank: ' \\t',
  Cntrl: '\\x00-\\x1F\\x7F',
  XDigit: '0-9a-fA-F',
  Space: ' \\t\\n\\x0B\\f\\r',
};

/**
 * Translates what differs between Java and JavaScript regular expressions in common use:
 * `\Q...\E` quoting, leading inline flags `(?i)`, `(?s)`, `(?m)`, `\A` and `\z`/`\Z`, POSIX
 * classes `\p{Alpha}`, possessive quantifiers and atomic groups (matched greedily).
 */
export function javaRegexToJs(regex: string): { source: string; flags: string } {
  let flags = '';
  let rest = regex;
  for (let m = /^\(\?([imsux]+)\)/.exec(rest); m !== null; m = /^\(\?([imsux]+)\)/.exec(rest)) {
    for (const f of m[1]) if ('ims'.includes(f) && !flags.includes(f)) flags += f;
    rest = rest.slice(m[0].length);
  }
  let source = '';
  let inClass = false;
  // Whether the last thing written was an unescaped quantifier: a `+` after it makes it possessive.
  let afterQuantifier = false;
  for (let i = 0; i < rest.length; i++) {
    const c = rest[i];
    const quantifierBefore = afterQuantifier;
    afterQuantifier = false;
    if (c === '\\') {
      const next = rest[i + 1];
      if (next === 'Q') {
        const end = rest.indexOf('\\E', i + 2);
        const quoted = end < 0 ? rest.slice(i + 2) : rest.slice(i + 2, end);
        source += escapeLiteral(quoted);
        i = end < 0 ? rest.length : end + 1;
        continue;
      }
      if (next === 'A' && !inClass) {
        source += '^';
        i++;
        continue;
      }
      if ((next === 'z' || next === 'Z') && !inClass) {
        source += '$';
        i++;
        continue;
      }
      if ((next === 'p' || next === 'P') && rest[i + 2] === '{') {
        const close = rest.indexOf('}', i + 3);
        const name = close < 0 ? '' : rest.slice(i + 3, close).replace(/^Is/, '');
        const posix = POSIX_CLASSES[name];
        if (posix !== undefined) {
          const negate = next === 'P';
          source += inClass ? posix : `[${negate ? '^' : ''}${posix}]`;
          i = close;
          continue;
        }
      }
      source += c + (next ?? '');
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      source += c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      source += c;
      if (rest[i + 1] === '^') source += rest[++i];
      if (rest[i + 1] === ']') source += `\\${rest[++i]}`;
      continue;
    }
    if (c === '(' && rest.startsWith('(?>', i)) {
      source += '(?:';
      i += 2;
      continue;
    }
    if (c === '+' && quantifierBefore) continue;
    afterQuantifier = '*+?}'.includes(c);
    source += c;
  }
  return { source, flags };
}

/** A Java regular expression, to be matched against a whole string. */
export function regexPattern(regex: string): RegExp {
  const { source, flags } = javaRegexToJs(regex);
  try {
    return new RegExp(`^(?:${source})$`, `${flags}u`);
  } catch {
    // Unicode mode rejects some escapes Java accepts; try without it.
    try {
      return new RegExp(`^(?:${source})$`, flags);
    } catch (error) {
      throw patternError(regex, error);
    }
  }
}
