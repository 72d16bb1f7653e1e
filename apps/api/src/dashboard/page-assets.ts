import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The dashboard's static files, read once at start-up and kept in memory: the HTML pages, their
 * scripts and stylesheet (apps/api/src/dashboard/public) and Chart.js's UMD build from
 * node_modules. Nothing comes from a CDN: the page works offline.
 *
 * tsc does not copy non-TS files into dist/, so the public folder is found where the sources are:
 * beside this file when running from source (tests, ts-node), otherwise under the project root
 * (the nearest folder with a package.json above dist/apps/api/src/dashboard).
 *
 * Every asset is served under a name carrying a hash of its content (`dashboard.3f2a9c1b.js`), so
 * browsers may cache it for good; the pages name the current hashes.
 */
export interface PageAsset {
  /** The name as served: `<base>.<hash>.<ext>`. */
  name: string;
  contentType: string;
  body: Buffer;
}

const TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
};

/** Source files, by the name the HTML templates use in `{{asset:<name>}}`. */
const SCRIPTS_AND_STYLES = ['dashboard.css', 'session.js', 'dashboard.js', 'sign-in.js'];
export const CHART_JS = 'chart.umd.min.js';
export const PAGES = ['dashboard.html', 'sign-in.html'] as const;
export type PageName = (typeof PAGES)[number];

export class PageAssets {
  private readonly byServedName = new Map<string, PageAsset>();
  private readonly servedNameOf = new Map<string, string>();
  private readonly pages = new Map<PageName, string>();

  constructor(publicDir = findPublicDir(), chartJsPath = findChartJs()) {
    for (const file of SCRIPTS_AND_STYLES) this.add(file, readFileSync(join(publicDir, file)));
    // The source map is not shipped: drop the comment that would make developer tools ask for it.
    this.add(CHART_JS, Buffer.from(readFileSync(chartJsPath, 'utf8').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n')));
    for (const page of PAGES) {
      const template = readFileSync(join(publicDir, page), 'utf8');
      const html = template.replace(/\{\{asset:([A-Za-z0-9._-]+)\}\}/g, (_, name: string) => {
        const served = this.servedNameOf.get(name);
        if (!served) throw new Error(`${page} names an unknown asset ${name}`);
        return `/dashboard/assets/${served}`;
      });
      this.pages.set(page, html);
    }
  }

  page(name: PageName): string {
    return this.pages.get(name)!;
  }

  asset(servedName: string): PageAsset | undefined {
    return this.byServedName.get(servedName);
  }

  /** The served name of a source file (`dashboard.js` → `dashboard.3f2a9c1b.js`). */
  servedName(file: string): string | undefined {
    return this.servedNameOf.get(file);
  }

  private add(file: string, body: Buffer): void {
    const dot = file.lastIndexOf('.');
    const ext = file.slice(dot + 1);
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
    const name = `${file.slice(0, dot)}.${hash}.${ext}`;
    this.byServedName.set(name, { name, contentType: TYPES[ext] ?? 'application/octet-stream', body });
    this.servedNameOf.set(file, name);
  }
}

export function findPublicDir(from = __dirname): string {
  const beside = join(from, 'public');
  if (existsSync(join(beside, 'dashboard.html'))) return beside;
  for (let dir = from; dirname(dir) !== dir; dir = dirname(dir)) {
    const candidate = join(dir, 'apps', 'api', 'src', 'dashboard', 'public');
    if (existsSync(join(dir, 'package.json')) && existsSync(join(candidate, 'dashboard.html'))) return candidate;
  }
  throw new Error(`The dashboard's public folder (apps/api/src/dashboard/public) was not found above ${from}`);
}

/** Chart.js's UMD build; its package exports do not name dist files, so it is found beside its main file. */
export function findChartJs(): string {
  return join(dirname(require.resolve('chart.js')), CHART_JS);
}
