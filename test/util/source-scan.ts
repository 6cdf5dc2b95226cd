// Read the repo's own TypeScript sources as syntax trees, for tests that keep a convention true
// everywhere (no hand-typed external rule ids, no warning outside its registry). Comments are not
// code: only string literals and calls are reported.
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.join(__dirname, '..', '..');

/** One place in a source file: repo-relative path, 1-based line, and the text found there. */
export interface SourcePlace {
  readonly file: string;
  readonly line: number;
  readonly text: string;
}

/** Every `.ts` file under `dir` (repo-relative), as repo-relative paths with forward slashes. */
export function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => path.posix.join(dir, f.split(path.sep).join('/')))
    .sort();
}

function visit(file: string, found: (node: ts.Node, source: ts.SourceFile) => string | undefined): SourcePlace[] {
  const source = ts.createSourceFile(file, fs.readFileSync(path.join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const places: SourcePlace[] = [];
  const walk = (node: ts.Node): void => {
    const text = found(node, source);
    if (text !== undefined) places.push({ file, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1, text });
    ts.forEachChild(node, walk);
  };
  walk(source);
  return places;
}

/** The text of every string literal and template literal part in `file`. */
export function stringLiterals(file: string): SourcePlace[] {
  return visit(file, (node) =>
    ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateLiteralToken(node) ? node.text : undefined,
  );
}

/** Every call of a method named `method` in `file`, as the text of the expression it is called on. */
export function methodCalls(file: string, method: string): SourcePlace[] {
  return visit(file, (node, source) =>
    ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === method
      ? node.expression.expression.getText(source)
      : undefined,
  );
}

/** `file:line text`, for a readable failing expectation. */
export function describePlaces(places: SourcePlace[]): string[] {
  return places.map((p) => `${p.file}:${p.line} ${p.text}`);
}
