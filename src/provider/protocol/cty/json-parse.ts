/**
 * A small JSON parser that keeps each number's exact text, because
 * JSON.parse would round large integers and long decimals (Node 20 has no
 * access to the source text in revivers).
 */

export class JsonNumber {
  constructor(readonly text: string) {}
}

export type JsonNode = null | boolean | string | JsonNumber | JsonNode[] | { [key: string]: JsonNode };

export function parseJson(text: string): JsonNode {
  const p = new Parser(text);
  p.space();
  const value = p.value();
  p.space();
  if (p.pos !== text.length) p.fail('unexpected trailing text');
  return value;
}

class Parser {
  pos = 0;
  constructor(private readonly s: string) {}

  fail(message: string): never {
    throw new Error(`invalid JSON at offset ${this.pos}: ${message}`);
  }

  space(): void {
    while (this.pos < this.s.length && ' \t\n\r'.includes(this.s[this.pos])) this.pos++;
  }

  value(): JsonNode {
    const c = this.s[this.pos];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    if (c === '-' || (c >= '0' && c <= '9')) return this.number();
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (this.s.startsWith(word, this.pos)) {
        this.pos += word.length;
        return value;
      }
    }
    return this.fail('unexpected character');
  }

  private object(): JsonNode {
    const out = Object.create(null) as { [key: string]: JsonNode };
    if (this.opensEmpty('}')) return out;
    do {
      this.space();
      if (this.s[this.pos] !== '"') this.fail('expected a property name');
      const key = this.string();
      this.space();
      if (this.s[this.pos++] !== ':') this.fail('expected ":"');
      this.space();
      out[key] = this.value();
    } while (this.another('}'));
    return out;
  }

  private array(): JsonNode {
    const out: JsonNode[] = [];
    if (this.opensEmpty(']')) return out;
    do {
      this.space();
      out.push(this.value());
    } while (this.another(']'));
    return out;
  }

  /** Past the opening bracket: true, and past the closing one too, when nothing stands between them. */
  private opensEmpty(close: string): boolean {
    this.pos++;
    this.space();
    if (this.s[this.pos] !== close) return false;
    this.pos++;
    return true;
  }

  /** After a member: true past a comma, false past the closing bracket. */
  private another(close: string): boolean {
    this.space();
    const c = this.s[this.pos++];
    if (c === close) return false;
    if (c !== ',') this.fail(`expected "," or "${close}"`);
    return true;
  }

  private string(): string {
    // Find the closing quote, honouring escapes, then let JSON.parse decode it.
    const start = this.pos;
    this.pos++;
    while (this.pos < this.s.length && this.s[this.pos] !== '"') this.pos += this.s[this.pos] === '\\' ? 2 : 1;
    if (this.pos >= this.s.length) this.fail('unterminated string');
    this.pos++;
    return JSON.parse(this.s.slice(start, this.pos)) as string;
  }

  private number(): JsonNumber {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/.exec(this.s.slice(this.pos, this.pos + 1100));
    if (!m) return this.fail('invalid number');
    this.pos += m[0].length;
    return new JsonNumber(m[0]);
  }
}
