import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The built page, read into memory once at start-up. Requests are answered from this table by
 * exact path, so no request path ever reaches the file system: path traversal (`/../`, `%2e%2e`,
 * encoded slashes, NUL bytes) finds nothing to serve by construction.
 */
export interface StaticFile {
  readonly body: Uint8Array<ArrayBuffer>;
  readonly gzip: Uint8Array<ArrayBuffer> | null;
  readonly type: string;
  readonly etag: string;
  /** Vite's hashed assets never change under the same name. */
  readonly immutable: boolean;
}

export interface StaticSite {
  readonly root: string;
  readonly files: ReadonlyMap<string, StaticFile>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
};

const COMPRESSIBLE = /^(text\/|application\/(json|manifest)|image\/svg)/;
const MAX_FILES = 2000;

export function loadStaticSite(root: string): StaticSite {
  const files = new Map<string, StaticFile>();
  for (const path of walk(root)) {
    const rel = relative(root, path).split(sep).join('/');
    const ext = rel.slice(rel.lastIndexOf('.'));
    const type = TYPES[ext] ?? 'application/octet-stream';
    const body = new Uint8Array(readFileSync(path));
    const gz = COMPRESSIBLE.test(type) && body.byteLength > 512 ? new Uint8Array(gzipSync(body, { level: 9 })) : null;
    files.set(`/${rel}`, {
      body,
      gzip: gz && gz.byteLength < body.byteLength ? gz : null,
      type,
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
      immutable: rel.startsWith('assets/'),
    });
  }
  const index = files.get('/index.html');
  if (index) files.set('/', index);
  return { root, files };
}

function* walk(dir: string, depth = 0): Generator<string> {
  if (depth > 8) return;
  let count = 0;
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const path = join(dir, name);
    const st = statSync(path);
    if (st.isDirectory()) yield* walk(path, depth + 1);
    else if (st.isFile()) {
      if (++count > MAX_FILES) throw new Error(`${dir} holds more than ${MAX_FILES} files; is webRoot the built page?`);
      yield path;
    }
  }
}

/** Bytes of the whole built page (index.html and every asset, lazy chunks included), raw and gzipped. */
export function shippedBytes(site: StaticSite): { raw: number; gzip: number; files: number } {
  let raw = 0;
  let gzip = 0;
  let files = 0;
  for (const [path, f] of site.files) {
    if (path === '/') continue;
    if (!(path === '/index.html' || path.startsWith('/assets/'))) continue;
    raw += f.body.byteLength;
    gzip += (f.gzip ?? f.body).byteLength;
    files++;
  }
  return { raw, gzip, files };
}

/** Whether an Accept header asks for HTML first (a browser navigating), not JSON or anything. */
export function wantsHtml(accept: string | undefined): boolean {
  if (!accept) return false;
  const types = accept.split(',').map((t) => t.split(';')[0]!.trim().toLowerCase());
  return types.includes('text/html') && !types.slice(0, types.indexOf('text/html')).some((t) => t.includes('json'));
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The HTML 404 page for browsers: the page's own stylesheet (no inline style or script, so the
 * page's Content-Security-Policy holds), the path asked for (escaped) and the ways back.
 */
export function notFoundPage(site: StaticSite, path: string): string {
  const css = [...site.files.keys()].filter((p) => p.startsWith('/assets/') && p.endsWith('.css')).sort();
  const shown = path.length > 200 ? `${path.slice(0, 200)}…` : path;
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>Not found — A4S toolkit</title><link rel="icon" href="data:,">',
    ...css.map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`),
    '</head><body>',
    '<header class="top"><a class="brand" href="/">A4S toolkit</a><nav aria-label="Sections"><a href="/">Selector</a><a href="/?view=bom">BOM check</a><a href="/api/openapi.json">API</a></nav></header>',
    `<main id="main" class="not-found"><h1>Page not found</h1><p>There is no page at <code>${escapeHtml(shown)}</code>.</p>`,
    '<p>A part page is <code>/?pn=AXE540127</code>; the selector lists every part.</p>',
    '<ul><li><a href="/">All A4S parts (selector)</a></li><li><a href="/?view=bom">BOM check</a></li><li><a href="/api/openapi.json">The HTTP API (OpenAPI)</a></li></ul></main>',
    '</body></html>',
    '',
  ].join('\n');
}
