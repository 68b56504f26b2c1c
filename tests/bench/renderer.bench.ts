import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Bench } from './harness';

/** The scripts a first page load fetches: module scripts and modulepreload links in index.html. */
export function initialScripts(html: string): string[] {
  const srcs = new Set<string>();
  for (const m of html.matchAll(/<script\b[^>]*\bsrc=["']([^"']+)["'][^>]*>/gi)) srcs.add(m[1]!);
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    if (!/\brel=["']modulepreload["']/i.test(m[0])) continue;
    const href = m[0].match(/\bhref=["']([^"']+)["']/i);
    if (href) srcs.add(href[1]!);
  }
  return [...srcs];
}

/** Gzipped KB of the renderer's initial JS, or null when the renderer has not been built. */
export function initialJsGzipKB(rendererDir: string): number | null {
  const index = path.join(rendererDir, 'index.html');
  if (!fs.existsSync(index)) return null;
  let bytes = 0;
  for (const src of initialScripts(fs.readFileSync(index, 'utf8'))) {
    if (/^[a-z]+:\/\//i.test(src)) continue;
    const file = path.join(rendererDir, src.replace(/^\.?\//, ''));
    bytes += gzipSync(fs.readFileSync(file)).length;
  }
  return Math.round((bytes / 1024) * 10) / 10;
}

export const rendererBench: Bench = {
  name: 'renderer',
  async run(ctx) {
    const kb = initialJsGzipKB(path.join(ctx.repoRoot, 'out', 'renderer'));
    if (kb === null) {
      console.error('renderer.initialJsGzip: skipped, out/renderer not built (npm run build)');
      return [];
    }
    return [{ name: 'renderer.initialJsGzip', n: 1, median_ms: null, p95_ms: null, budget_ms: null, kb }];
  },
};
