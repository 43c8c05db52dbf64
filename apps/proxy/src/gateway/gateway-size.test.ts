import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Issue 20 §3: the gateway stays readable one step at a time. Every file of this folder (tests and fixtures
// too) stays under 300 lines and every function body under 80: a step that grows past that is a second job.

const MAX_FILE_LINES = 300;
const MAX_FUNCTION_LINES = 80;
const here = dirname(fileURLToPath(import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Lines of `text`, as an editor counts them (a final newline does not start another line). */
const lineCount = (text: string) => text.replace(/\n$/, '').split('\n').length;

/** A `describe(…, () => {…})` body groups tests; it is a list, not a function that does one job. */
function isSuiteBody(node: ts.Node): boolean {
  const call = node.parent;
  return (
    call !== undefined &&
    ts.isCallExpression(call) &&
    ts.isIdentifier(call.expression) &&
    /^describe/.test(call.expression.text)
  );
}

/** Every function, method and arrow function with a block body: where it starts and how many lines its body spans. */
function functionLengths(fileName: string, text: string): { name: string; line: number; lines: number }[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: { name: string; line: number; lines: number }[] = [];
  const lineOf = (pos: number) => source.getLineAndCharacterOfPosition(pos).line + 1;
  const visit = (node: ts.Node) => {
    if (
      ts.isFunctionLike(node) &&
      'body' in node &&
      node.body &&
      ts.isBlock(node.body as ts.Node) &&
      !isSuiteBody(node)
    ) {
      const body = node.body as ts.Block;
      const name = node.name && ts.isIdentifier(node.name) ? node.name.text : '(anonymous)';
      found.push({
        name,
        line: lineOf(node.getStart(source)),
        lines: lineOf(body.end) - lineOf(body.getStart(source)) + 1,
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const files = sourceFiles(here).map((path) => ({
  path: relative(here, path),
  text: readFileSync(path, 'utf8'),
}));

describe('gateway size', () => {
  it('reads the steps folder and the gateway modules', () => {
    const names = files.map((f) => f.path);
    expect(names).toContain(join('steps', 'pause.ts'));
    expect(names).toContain('create-provider-gateway.ts');
  });

  it(`no file over ${MAX_FILE_LINES} lines`, () => {
    const long = files
      .map((f) => ({ file: f.path, lines: lineCount(f.text) }))
      .filter((f) => f.lines > MAX_FILE_LINES);
    expect(long).toEqual([]);
  });

  it(`no function body over ${MAX_FUNCTION_LINES} lines`, () => {
    const long = files.flatMap((f) =>
      functionLengths(f.path, f.text)
        .filter((fn) => fn.lines > MAX_FUNCTION_LINES)
        .map((fn) => `${f.path}:${fn.line} ${fn.name} (${fn.lines} lines)`),
    );
    expect(long).toEqual([]);
  });

  it('counts what it claims: a long function and a long file are caught', () => {
    const body = Array.from({ length: 90 }, (_, i) => `  const v${i} = ${i};`).join('\n');
    const suite = `describe('a suite', () => {\n${body}\n});\n`;
    const text = `export function long() {\n${body}\n}\nconst short = () => {\n  return 1;\n};\n${suite}`;
    expect(functionLengths('x.ts', text)).toEqual([
      { name: 'long', line: 1, lines: 92 },
      { name: '(anonymous)', line: 93, lines: 3 },
    ]);
    expect(lineCount(text)).toBe(187);
  });
});
