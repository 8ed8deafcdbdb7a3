import { InputError } from '@backstage/errors';
import {
  LabelOperator,
  LabelRequirement,
  LabelSelector,
  MAX_LABEL_SELECTOR_LENGTH,
} from './LabelSelector';
import { labelKeyProblem, labelValueProblem } from './validateLabelParts';

type Token =
  | { type: 'id'; text: string }
  | { type: 'op'; text: '!' | '=' | '==' | '!=' | '>' | '<' }
  | { type: '(' | ')' | ',' | 'end' };

const SPECIAL = new Set(['!', '=', '>', '<', '(', ')', ',']);

/** Kubernetes' selector lexer: identifiers, operators, parentheses and commas. */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(' || c === ')' || c === ',') {
      tokens.push({ type: c });
      i++;
    } else if (c === '=' || c === '!') {
      if (text[i + 1] === '=') {
        tokens.push({ type: 'op', text: c === '=' ? '==' : '!=' });
        i += 2;
      } else {
        tokens.push({ type: 'op', text: c });
        i++;
      }
    } else if (c === '>' || c === '<') {
      tokens.push({ type: 'op', text: c });
      i++;
    } else {
      let j = i;
      while (j < text.length && !SPECIAL.has(text[j]) && !/\s/.test(text[j]))
        j++;
      tokens.push({ type: 'id', text: text.slice(i, j) });
      i = j;
    }
  }
  tokens.push({ type: 'end' });
  return tokens;
}

class Parser {
  #pos = 0;
  constructor(private readonly tokens: Token[]) {}

  peek(): Token {
    return this.tokens[this.#pos];
  }

  next(): Token {
    return this.tokens[this.#pos++];
  }

  fail(message: string): never {
    throw new InputError(`Invalid label selector: ${message}`);
  }

  identifier(what: string): string {
    const token = this.next();
    if (token.type !== 'id') this.fail(`expected ${what}`);
    return token.text;
  }

  values(): string[] {
    if (this.next().type !== '(') this.fail("expected '(' after in/notin");
    // Kubernetes reads "()" as the set holding the empty value.
    if (this.peek().type === ')') {
      this.next();
      return [''];
    }
    const values: string[] = [];
    for (;;) {
      const token = this.peek();
      values.push(token.type === 'id' ? (this.next(), token.text) : '');
      const after = this.next();
      if (after.type === ')') return values;
      if (after.type !== ',') this.fail("expected ',' or ')' in a value set");
    }
  }

  requirement(): LabelRequirement {
    const first = this.peek();
    if (first.type === 'op' && first.text === '!') {
      this.next();
      const key = this.identifier('a label key after "!"');
      return { key, operator: 'DoesNotExist', values: [] };
    }
    const key = this.identifier('a label key');
    const token = this.peek();
    if (token.type === ',' || token.type === 'end')
      return { key, operator: 'Exists', values: [] };
    if (
      token.type === 'id' &&
      (token.text === 'in' || token.text === 'notin')
    ) {
      this.next();
      const operator: LabelOperator = token.text === 'in' ? 'In' : 'NotIn';
      return { key, operator, values: this.values() };
    }
    if (token.type !== 'op' || token.text === '!')
      this.fail(`expected an operator after "${key}"`);
    this.next();
    const valueToken = this.peek();
    const value =
      valueToken.type === 'id' ? (this.next(), valueToken.text) : '';
    if (token.text === '>' || token.text === '<') {
      if (!/^-?\d+$/.test(value))
        this.fail(`"${key} ${token.text}" needs an integer value`);
      return {
        key,
        operator: token.text === '>' ? 'Gt' : 'Lt',
        values: [value],
      };
    }
    return {
      key,
      operator: token.text === '!=' ? 'NotIn' : 'In',
      values: [value],
    };
  }

  selector(): LabelRequirement[] {
    const requirements: LabelRequirement[] = [];
    if (this.peek().type === 'end') return requirements;
    for (;;) {
      requirements.push(this.requirement());
      const token = this.next();
      if (token.type === 'end') return requirements;
      if (token.type !== ',') this.fail("expected ',' between requirements");
    }
  }
}

/** Checks keys and values as the API server does; throws InputError. */
export function validateRequirement(requirement: LabelRequirement): void {
  const problem =
    labelKeyProblem(requirement.key) ??
    (requirement.operator === 'Gt' || requirement.operator === 'Lt'
      ? undefined
      : requirement.values.map(labelValueProblem).find(Boolean));
  if (problem) throw new InputError(`Invalid label selector: ${problem}`);
}

/**
 * Parses a selector string in the full Kubernetes grammar (`a=b`, `a==b`,
 * `a!=b`, `a in (b,c)`, `a notin (b)`, `a`, `!a`, `a>1`, `a<1`), in linear
 * time, with keys and values validated. Throws InputError when malformed.
 */
export function parseLabelSelector(text: string | undefined): LabelSelector {
  if (text === undefined) return { requirements: [] };
  if (text.length > MAX_LABEL_SELECTOR_LENGTH) {
    throw new InputError(
      `Invalid label selector: longer than ${MAX_LABEL_SELECTOR_LENGTH} characters`,
    );
  }
  const requirements = new Parser(tokenize(text)).selector();
  requirements.forEach(validateRequirement);
  return { requirements };
}
