// Results for formulas entered through the fake. Only arithmetic on number literals is
// evaluated. Anything else gets the error value Sheets shows for a formula it cannot compute.

import type { CellValue } from './model';

/** Error value of a formula that does not parse. */
export const PARSE_ERROR = '#ERROR!';
/** Error value of a formula that names functions, ranges or names. */
export const NAME_ERROR = '#NAME?';
export const DIVIDE_BY_ZERO_ERROR = '#DIV/0!';

/** Error values that a cell can show. `getValues()` returns them as strings. */
export const ERROR_VALUES = new Set([
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#ERROR!',
  '#SPILL!',
  '#CALC!',
]);

/**
 * Returns the result of a formula such as `=1+2*3`. Formulas with references or functions get
 * `#NAME?` when their tokens look valid and `#ERROR!` otherwise.
 * NOTE: real Sheets evaluates references and functions, but the fake does not.
 */
export function evaluateFormula(formula: string): CellValue {
  const body = formula.slice(1);
  const arithmetic = new ArithmeticParser(body);
  const result = arithmetic.parse();
  if (result !== null) return Number.isFinite(result) ? result : DIVIDE_BY_ZERO_ERROR;
  return looksLikeFormula(body) ? NAME_ERROR : PARSE_ERROR;
}

const FORMULA_TOKEN =
  /\s+|"(?:[^"]|"")*"|'(?:[^']|'')+'!|\$?[A-Za-z_][\w.]*!?|\$?\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|<>|<=|>=|[-+*/^&=<>,:;%(){}]/y;

/** Operators that need an operand after them. */
const OPERATORS_NEEDING_OPERAND = new Set([
  '+',
  '-',
  '*',
  '/',
  '^',
  '&',
  '=',
  '<',
  '>',
  '<>',
  '<=',
  '>=',
  ',',
  ':',
  ';',
  '(',
]);

/**
 * Tells whether the text tokenises as a formula body with balanced brackets that does not end
 * in an operator.
 */
function looksLikeFormula(body: string): boolean {
  let depth = 0;
  let position = 0;
  let lastToken = '';
  while (position < body.length) {
    FORMULA_TOKEN.lastIndex = position;
    const match = FORMULA_TOKEN.exec(body);
    if (!match || match[0].length === 0) return false;
    if (match[0] === '(' || match[0] === '{') depth++;
    if (match[0] === ')' || match[0] === '}') depth--;
    if (depth < 0) return false;
    if (match[0].trim() !== '') lastToken = match[0];
    position += match[0].length;
  }
  return depth === 0 && lastToken !== '' && !OPERATORS_NEEDING_OPERAND.has(lastToken);
}

/** Recursive-descent parser for + - * / ^ and brackets over number literals. */
class ArithmeticParser {
  private position = 0;

  constructor(private readonly text: string) {}

  /** Returns the value, or null when the text is not pure arithmetic. */
  parse(): number | null {
    const value = this.parseSum();
    this.skipSpaces();
    return value !== null && this.position === this.text.length ? value : null;
  }

  private parseSum(): number | null {
    let value = this.parseProduct();
    while (value !== null) {
      const operator = this.peekOperator('+-');
      if (!operator) break;
      const right = this.parseProduct();
      if (right === null) return null;
      value = operator === '+' ? value + right : value - right;
    }
    return value;
  }

  private parseProduct(): number | null {
    let value = this.parsePower();
    while (value !== null) {
      const operator = this.peekOperator('*/');
      if (!operator) break;
      const right = this.parsePower();
      if (right === null) return null;
      value = operator === '*' ? value * right : value / right;
    }
    return value;
  }

  private parsePower(): number | null {
    const base = this.parseUnary();
    if (base === null || !this.peekOperator('^')) return base;
    const exponent = this.parsePower();
    return exponent === null ? null : base ** exponent;
  }

  private parseUnary(): number | null {
    const sign = this.peekOperator('+-');
    if (sign) {
      const operand = this.parseUnary();
      if (operand === null) return null;
      return sign === '-' ? -operand : operand;
    }
    return this.parseAtom();
  }

  private parseAtom(): number | null {
    this.skipSpaces();
    if (this.text[this.position] === '(') {
      this.position++;
      const value = this.parseSum();
      this.skipSpaces();
      if (value === null || this.text[this.position] !== ')') return null;
      this.position++;
      return value;
    }
    const match = /^\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|^\.\d+/.exec(this.text.slice(this.position));
    if (!match) return null;
    this.position += match[0].length;
    const value = Number(match[0]);
    if (this.text[this.position] === '%') {
      this.position++;
      return value / 100;
    }
    return value;
  }

  private peekOperator(operators: string): string | null {
    this.skipSpaces();
    const char = this.text[this.position];
    if (char === undefined || !operators.includes(char)) return null;
    this.position++;
    return char;
  }

  private skipSpaces(): void {
    while (this.text[this.position] === ' ') this.position++;
  }
}
