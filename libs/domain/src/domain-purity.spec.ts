import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The domain is plain TypeScript: no framework, no database, no Node I/O (DESIGN.md §5). */
const ALLOWED_PACKAGES = new Set(['decimal.js']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') && !path.includes(`${join('src', 'testing')}`) ? [path] : [];
  });
}

describe('domain purity', () => {
  const files = sourceFiles(__dirname);

  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(30);
  });

  it('imports only its own modules and decimal.js', () => {
    const offending = files.flatMap((file) => {
      const source = readFileSync(file, 'utf8');
      const specifiers = [...source.matchAll(/(?:from\s+|require\(\s*|import\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]);
      return specifiers
        .filter((s) => !s.startsWith('.') && !ALLOWED_PACKAGES.has(s))
        .map((s) => `${relative(__dirname, file)} imports ${s}`);
    });
    expect(offending).toEqual([]);
  });

  it('reads no clock and makes no random ids: time and ids come in as data', () => {
    const offending = files.filter((file) => /\bDate\.now\(|new Date\(\)|Math\.random\(|randomUUID/.test(readFileSync(file, 'utf8')));
    expect(offending.map((f) => relative(__dirname, f))).toEqual([]);
  });
});
