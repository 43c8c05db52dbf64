// The yuantou calls in a cell's formula, as `Range.formulas` gives it (English function names, `,` between
// arguments, A1 references, whatever the user's locale): `=IFERROR(YUANTOU.OFFER(A2,"price"),0)` holds one
// call OFFER with the arguments `A2` and `"price"`. Nested calls are found too
// (`=YUANTOU.PRICEAT(YUANTOU.OFFER(A2,"link"),100)` holds two). Strings ("a,b" and "" escapes), quoted sheet
// names ('Bob''s list'!A1), array constants ({1,2}) and parentheses are skipped so their commas split nothing.
// Pure: the pane counts lookups with it before paying, the Excel side picks the cells to recalculate.

export interface FormulaCall {
  /** The function's name without the namespace, upper case: `OFFERS`. */
  name: string;
  /** Each argument's text as written, trimmed; trailing empty arguments dropped (`OFFER(A2,)` = `OFFER(A2)`). */
  args: string[];
}

export interface CallNames {
  /** The add-in's functions, without namespace (the catalog's names). */
  names: ReadonlySet<string>;
  /** The build's custom-functions namespace (`YUANTOU`), '' when the functions have none. */
  namespace: string;
}

interface Frame {
  /** The called function's name as written, null for a bare `(` or an array constant. */
  name: string | null;
  open: string;
  argStart: number;
  args: string[];
  start: number;
}

const IDENTIFIER = /[A-Za-z0-9_.\\]/;

/** The yuantou function a written name calls (`YUANTOU.OFFERS`, `yuantou.offers` → OFFERS), or null. */
export function yuantouName(written: string, { names, namespace }: CallNames): string | null {
  const upper = written.toUpperCase();
  const prefix = namespace ? `${namespace.toUpperCase()}.` : '';
  if (!upper.startsWith(prefix)) return null;
  const bare = upper.slice(prefix.length);
  return names.has(bare) ? bare : null;
}

/** Every yuantou call in `formula`, outer calls before the calls nested in them. */
export function yuantouCalls(formula: string, calls: CallNames): FormulaCall[] {
  if (!formula.startsWith('=')) return [];
  const found: { start: number; call: FormulaCall }[] = [];
  const stack: Frame[] = [];
  let i = 1;
  while (i < formula.length) {
    const char = formula[i]!;
    if (char === '"' || char === "'") {
      i = skipQuoted(formula, i, char);
      continue;
    }
    if (char === '(' || char === '{') {
      let nameStart = i;
      while (nameStart > 1 && IDENTIFIER.test(formula[nameStart - 1]!)) nameStart -= 1;
      const name = char === '(' && nameStart < i ? formula.slice(nameStart, i) : null;
      stack.push({ name, open: char, argStart: i + 1, args: [], start: nameStart });
    } else if (char === ',' && stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      if (frame.open === '(') {
        frame.args.push(formula.slice(frame.argStart, i).trim());
        frame.argStart = i + 1;
      }
    } else if ((char === ')' || char === '}') && stack.length > 0) {
      const frame = stack.pop()!;
      const name = frame.name === null ? null : yuantouName(frame.name, calls);
      if (name !== null) {
        const args = [...frame.args, formula.slice(frame.argStart, i).trim()];
        while (args.length > 0 && args[args.length - 1] === '') args.pop();
        found.push({ start: frame.start, call: { name, args } });
      }
    }
    i += 1;
  }
  return found.sort((a, b) => a.start - b.start).map((f) => f.call);
}

/** Index just past a string ("…") or quoted sheet name ('…'); a doubled quote is an escaped one. */
function skipQuoted(formula: string, at: number, quote: string): number {
  let i = at + 1;
  while (i < formula.length) {
    if (formula[i] === quote) {
      if (formula[i + 1] === quote) i += 2;
      else return i + 1;
    } else i += 1;
  }
  return i;
}

/**
 * An argument's text compared across cells: case, `$` and spaces outside strings do not matter
 * (`$a$2` = `A2`), the text inside strings does.
 */
export function argumentKey(arg: string): string {
  let key = '';
  let i = 0;
  while (i < arg.length) {
    const char = arg[i]!;
    if (char === '"') {
      const end = skipQuoted(arg, i, '"');
      key += arg.slice(i, end);
      i = end;
    } else {
      if (char !== '$' && !/\s/.test(char)) key += char.toUpperCase();
      i += 1;
    }
  }
  return key;
}

/** True when an argument names something on a sheet (a reference or a name): its meaning depends on the sheet. */
export function refersToCells(arg: string): boolean {
  return /[A-Z_]/.test(
    argumentKey(arg)
      .replace(/"(?:[^"]|"")*"/g, '')
      .replace(/\b(TRUE|FALSE)\b/g, ''),
  );
}

/** The string a literal argument holds (`"玩具厂"` → 玩具厂), or null when the argument is not one string. */
export function stringLiteral(arg: string): string | null {
  const match = /^"((?:[^"]|"")*)"$/.exec(arg.trim());
  return match ? match[1]!.replace(/""/g, '"') : null;
}

/**
 * One lookup: the same function with the same arguments, wherever written, is one lookup. Arguments that
 * refer to cells (`A2`) mean different things on different sheets, so those lookups carry their sheet.
 */
export function lookupKey(call: FormulaCall, sheet: string): string {
  const args = call.args.map(argumentKey).join(',');
  const where = call.args.some(refersToCells) ? `${sheet.toUpperCase()}!` : '';
  return `${where}${call.name}(${args})`;
}
