/**
 * Anchors of a rule: a set of one- or two-character strings of which every match must contain at least one. Rules
 * are tried only on messages that contain one of their anchors, so a message runs the few rules it could match
 * instead of all of them. Two characters in a row (“发货”) are preferred: “发” alone is in every third message.
 *
 * Reads the subset of regular-expression syntax the intent rules use: literals, escapes, `.`, classes, groups
 * `(?:…)`, lookarounds, `^`/`$`, alternation and quantifiers. `null` means no such set exists (the rule can match
 * text made only of wildcards or of nothing) and the rule is always tried.
 */
export type Anchors = ReadonlySet<string> | null;

/**
 * Characters found in most buyer messages whatever they want: particles, pronouns, negation, the question mark.
 * A rule anchored on them would be tried on nearly every message, so any other mandatory part is preferred.
 */
const COMMON = new Set('吗么嘛呢吧啊呀哦了的是不没有我你他们这那个在就也都还要能可会好什怎几多?# ');

/**
 * Roughly how often a message contains the anchor: common characters are everywhere, pairs are rarer than one. Even
 * an uncommon character alone (发, 退, 到) is in many buyer messages: costed at 4 rather than 1, the anchors chosen
 * leave 13% fewer regex tests on buyer-utterances.jsonl, with the same matches.
 */
function gramCost(gram: string): number {
  let common = 0;
  for (const char of gram) if (COMMON.has(char)) common++;
  if (gram.length === 1) return common ? 20 : 4;
  return [0.25, 2, 10][common];
}

/**
 * What anchoring on this set adds to the anchors already chosen, roughly: the fewer and rarer its new anchors, the
 * better. Counted without building a set: the service worker runs this for every rule when it starts.
 */
function addedCost(anchors: ReadonlySet<string>, chosen: ReadonlySet<string>): number {
  let total = 0;
  for (const gram of anchors) if (!chosen.has(gram)) total += gramCost(gram);
  return total;
}

interface Atom {
  anchors: Anchors;
  optional: boolean;
  /** The character, when the atom is one literal character: two in a row make a two-character anchor. */
  literal: string | null;
}

class AnchorReader {
  private position = 0;

  constructor(private readonly source: string) {}

  read(): Anchors {
    const anchors = this.alternation();
    if (this.position < this.source.length) throw new Error(`Unbalanced ) in ${this.source}`);
    return anchors;
  }

  /**
   * Any branch may match, so the anchors are a union: one anchor set from each branch, chosen to add the least to
   * what the other branches already need (发货|发出|给我发 all anchor on 发).
   */
  private alternation(): Anchors {
    const branches: ReadonlySet<string>[][] = [];
    for (;;) {
      branches.push(this.sequence());
      if (this.peek() !== '|') break;
      this.position++;
    }
    if (branches.some((options) => options.length === 0)) return null;
    const union = new Set<string>();
    for (const options of branches) {
      let cheapest = options[0];
      let cheapestCost = addedCost(cheapest, union);
      for (const set of options) {
        const setCost = addedCost(set, union);
        if (setCost < cheapestCost) {
          cheapest = set;
          cheapestCost = setCost;
        }
      }
      for (const char of cheapest) union.add(char);
    }
    return union;
  }

  /**
   * Every mandatory atom of a sequence is in each of its matches: the anchor sets of all of them are options, and so
   * is each pair of mandatory literal characters in a row.
   */
  private sequence(): ReadonlySet<string>[] {
    const options: ReadonlySet<string>[] = [];
    let previous: string | null = null;
    while (this.position < this.source.length && this.peek() !== '|' && this.peek() !== ')') {
      const atom = this.atom();
      const literal = atom.optional ? null : atom.literal;
      if (previous !== null && literal !== null) options.push(new Set([previous + literal]));
      previous = literal;
      if (!atom.optional && atom.anchors !== null) options.push(atom.anchors);
    }
    return options;
  }

  private atom(): Atom {
    const start = this.position;
    const anchors = this.primary();
    const single = this.position - start === 1 || (this.position - start === 2 && this.source[start] === '\\');
    const literal =
      single && anchors !== null && anchors.size === 1 && this.source[start] !== '[' ? [...anchors][0] : null;
    return { anchors, optional: this.quantifierMakesOptional(), literal };
  }

  private primary(): Anchors {
    const char = this.next();
    switch (char) {
      case '(':
        return this.group();
      case '[':
        return this.characterClass();
      case '\\':
        return this.escape();
      case '.':
      case '^':
      case '$':
        return null;
      default:
        return new Set([char]);
    }
  }

  private group(): Anchors {
    let zeroWidth = false;
    if (this.source.startsWith('?:', this.position)) this.position += 2;
    else if (/^\?<?[=!]/.test(this.source.slice(this.position, this.position + 3))) {
      zeroWidth = true;
      this.position += this.source[this.position + 1] === '<' ? 3 : 2;
    }
    const inner = this.alternation();
    if (this.next() !== ')') throw new Error(`Unclosed group in ${this.source}`);
    return zeroWidth ? null : inner;
  }

  private characterClass(): Anchors {
    const negated = this.peek() === '^';
    if (negated) this.position++;
    const members = new Set<string>();
    while (this.peek() !== ']') {
      if (this.position >= this.source.length) throw new Error(`Unclosed class in ${this.source}`);
      let char = this.next();
      if (char === '\\') char = this.next();
      if (this.peek() === '-' && this.source[this.position + 1] !== ']') {
        this.position++;
        const last = this.next();
        for (let code = char.charCodeAt(0); code <= last.charCodeAt(0); code++) members.add(String.fromCharCode(code));
      } else {
        members.add(char);
      }
    }
    this.position++;
    return negated ? null : members;
  }

  /** `\?` and friends are literals; `\d`, `\s`, `\b`… are classes or assertions this reader does not enumerate. */
  private escape(): Anchors {
    const char = this.next();
    return /[a-zA-Z0-9]/.test(char) ? null : new Set([char]);
  }

  private quantifierMakesOptional(): boolean {
    const char = this.peek();
    let optional = false;
    if (char === '?' || char === '*') {
      this.position++;
      optional = true;
    } else if (char === '+') {
      this.position++;
    } else if (char === '{') {
      const match = /^\{(\d+)(?:,\d*)?\}/.exec(this.source.slice(this.position));
      if (!match) throw new Error(`Bad quantifier in ${this.source}`);
      this.position += match[0].length;
      optional = match[1] === '0';
    } else {
      return false;
    }
    if (this.peek() === '?') this.position++; // lazy
    return optional;
  }

  private peek(): string | undefined {
    return this.source[this.position];
  }

  private next(): string {
    const char = this.source[this.position++];
    if (char === undefined) throw new Error(`Unexpected end of ${this.source}`);
    return char;
  }
}

export function anchorsOf(source: string): Anchors {
  return new AnchorReader(source).read();
}
