// Where text stops being JSON (RFC 8259), for the engines whose JSON.parse does not say:
// V8 words some errors "Unexpected token '}', "…" is not valid JSON", with no position. The
// scan is iterative, so text nested deeper than the stack is scanned like any other.

export interface SyntaxProblem {
  /** The offset of the first character that cannot be there (the text's length when it ends too soon). */
  offset: number;
  /** What is wrong there, in words: "unexpected “}” where a value should be". */
  reason: string;
}

export const ENDS_TOO_SOON = 'the file ends too soon';

type Expecting = 'value' | 'value or ]' | 'name' | 'name or }' | 'colon' | 'comma or close' | 'end';

const WHERE: Record<Expecting, string> = {
  value: 'where a value should be',
  'value or ]': 'where a value should be',
  name: 'where a property name in double quotes should be',
  'name or }': 'where a property name in double quotes should be',
  colon: 'where a colon should follow the property name',
  'comma or close': 'where a comma should be',
  end: 'after the end of the data',
};

const LITERALS = ['true', 'false', 'null'];

/** The first syntax error in `text`, or undefined when it is JSON. */
export function findSyntaxError(text: string): SyntaxProblem | undefined {
  const open: string[] = [];
  let expecting: Expecting = 'value';
  let i = 0;
  const next = (): Expecting => (open.length > 0 ? 'comma or close' : 'end');
  const unexpected = (at: number, where: string = WHERE[expecting]): SyntaxProblem => ({
    offset: at,
    reason: `unexpected ${characterAt(text, at)} ${where}`,
  });

  for (;;) {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
    if (i >= text.length) return expecting === 'end' ? undefined : { offset: i, reason: ENDS_TOO_SOON };
    const c = text[i]!;
    switch (expecting) {
      case 'end':
        return unexpected(i);
      case 'colon':
        if (c !== ':') return unexpected(i);
        i++;
        expecting = 'value';
        continue;
      case 'comma or close': {
        const close = open.at(-1) === '{' ? '}' : ']';
        if (c === ',') {
          i++;
          expecting = open.at(-1) === '{' ? 'name' : 'value';
        } else if (c === close) {
          i++;
          open.pop();
          expecting = next();
        } else {
          return unexpected(i, `where a comma or “${close}” should be`);
        }
        continue;
      }
      case 'name':
      case 'name or }': {
        if (c === '}' && expecting === 'name or }') {
          i++;
          open.pop();
          expecting = next();
          continue;
        }
        if (c !== '"') return unexpected(i);
        const end = scanString(text, i);
        if (typeof end !== 'number') return end;
        i = end;
        expecting = 'colon';
        continue;
      }
      case 'value':
      case 'value or ]': {
        if (c === ']' && expecting === 'value or ]') {
          i++;
          open.pop();
          expecting = next();
          continue;
        }
        if (c === '{' || c === '[') {
          open.push(c);
          i++;
          expecting = c === '{' ? 'name or }' : 'value or ]';
          continue;
        }
        const end =
          c === '"'
            ? scanString(text, i)
            : c === '-' || (c >= '0' && c <= '9')
              ? scanNumber(text, i)
              : scanLiteral(text, i);
        if (end === undefined) return unexpected(i);
        if (typeof end !== 'number') return end;
        i = end;
        expecting = next();
        continue;
      }
    }
  }
}

/** The offset after the string starting at `start`, or what is wrong in it. */
function scanString(text: string, start: number): number | SyntaxProblem {
  for (let j = start + 1; j < text.length; j++) {
    const c = text[j]!;
    if (c === '"') return j + 1;
    if (c < ' ') {
      return { offset: j, reason: `unexpected ${characterAt(text, j)} in text (write it as an escape)` };
    }
    if (c !== '\\') continue;
    const escape = text[j + 1];
    if (escape === undefined) break;
    if ('"\\/bfnrt'.includes(escape)) {
      j++;
    } else if (escape === 'u') {
      for (let k = j + 2; k < j + 6; k++) {
        if (k >= text.length) return { offset: text.length, reason: ENDS_TOO_SOON };
        if (!/[0-9a-f]/i.test(text[k]!)) {
          return {
            offset: k,
            reason: `unexpected ${characterAt(text, k)} in a \\u escape (four hex digits)`,
          };
        }
      }
      j += 5;
    } else {
      return { offset: j + 1, reason: `unexpected ${characterAt(text, j + 1)} after a backslash` };
    }
  }
  return { offset: text.length, reason: ENDS_TOO_SOON };
}

/** The offset after the number starting at `start`, or what is wrong in it. */
function scanNumber(text: string, start: number): number | SyntaxProblem {
  let j = start;
  const digits = (what: string): SyntaxProblem | undefined => {
    const from = j;
    while (j < text.length && text[j]! >= '0' && text[j]! <= '9') j++;
    if (j > from) return undefined;
    if (j >= text.length) return { offset: j, reason: ENDS_TOO_SOON };
    return { offset: j, reason: `unexpected ${characterAt(text, j)} where ${what} should be` };
  };
  if (text[j] === '-') j++;
  if (text[j] === '0') j++;
  else {
    const problem = digits('a digit');
    if (problem) return problem;
  }
  if (text[j] === '.') {
    j++;
    const problem = digits('a digit after the decimal point');
    if (problem) return problem;
  }
  if (text[j] === 'e' || text[j] === 'E') {
    j++;
    if (text[j] === '+' || text[j] === '-') j++;
    const problem = digits('the digits of the exponent');
    if (problem) return problem;
  }
  return j;
}

/** The offset after true, false or null at `start`; the end of a text cut short inside one; else undefined. */
function scanLiteral(text: string, start: number): number | SyntaxProblem | undefined {
  for (const word of LITERALS) {
    if (text.startsWith(word, start)) return start + word.length;
    const rest = text.slice(start);
    if (rest.length < word.length && word.startsWith(rest))
      return { offset: text.length, reason: ENDS_TOO_SOON };
  }
  return undefined;
}

/** The character at `offset` as a message names it: “}”, or its code for one that cannot be seen. */
function characterAt(text: string, offset: number): string {
  const code = text.codePointAt(offset)!;
  if (
    code < 0x20 ||
    code === 0x7f ||
    code === 0xa0 ||
    code === 0xfeff ||
    (code >= 0x2028 && code <= 0x2029) ||
    (code >= 0xd800 && code <= 0xdfff)
  ) {
    return `character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return `“${String.fromCodePoint(code)}”`;
}
