/**
 * The HTML report in a real browser: Debian's chromium driven by playwright-core, opened from a file:// URL.
 * Locally the test is skipped when chromium is absent; in CI (CI=true) it fails instead: .ci/run installs it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { colourStats, decodePng } from './png.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'dualscreen.js');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const IN_CI = process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false';
// as the machine notes say: no sandbox as root, and no background networking on a closed network
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const dir = mkdtempSync(join(tmpdir(), 'dualscreen-html-'));
const hostile = [
  'X-1,<img src=x onerror=alert(1)> samarium oxide,2846901940,,50,kg,100,USD,CN,CN,JP,"</script><script>alert(2)</script>",Tokyo Optics K.K.,"<svg onload=alert(3)>"',
  'X-2,"Samarium oxide ""quoted""",2846901940,,1,kg,1,USD,CN,CN,<b>XX</b>,Acme,Acme,research',
];
const manifest = join(dir, 'manifest.csv');
writeFileSync(manifest, `${readFileSync(join(ROOT, 'fixtures/sample-manifest.csv'), 'utf8').trimEnd()}\n${hostile.join('\n')}\n`);

/** One run: the JSON report on standard output, the HTML page through --output. */
function screenTo(page: string): string {
  const args = ['screen', manifest, '--format', 'json', '--output', `html=${page}`, '--as-of', '2026-11-28', '--fail-on', 'none'];
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8' });
  expect(r.status).toBe(0);
  return r.stdout;
}

describe.skipIf(!existsSync(CHROMIUM) && !IN_CI)('html report in chromium', { timeout: 120_000 }, () => {
  let browser: Browser;
  const page = join(dir, 'report.html');
  let expected: { summary: Record<string, number>; rows: { verdict: string }[] };

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: CI must install Debian's chromium (see .ci/run)`);
    expected = JSON.parse(screenTo(page)) as typeof expected;
    // playwright gives each launch a new empty profile of its own
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the counts, filters rows by verdict, runs no injected script, fetches nothing, and is not blank', async () => {
    const tab = await browser.newPage({ viewport: { width: 1280, height: 1600 } });
    const dialogs: string[] = [];
    const requests: string[] = [];
    const errors: string[] = [];
    tab.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    tab.on('request', (r) => requests.push(r.url()));
    tab.on('pageerror', (e) => errors.push(e.message));
    tab.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    const url = pathToFileURL(page).href;
    await tab.goto(url);

    // counts as in the JSON report of the same run
    for (const key of ['rows', 'prohibited', 'license', 'review', 'clear', 'rejected']) {
      expect(await tab.locator(`[data-count="${key}"]`).textContent(), key).toBe(String(expected.summary[key]));
    }
    const rows = tab.locator('#results tbody tr');
    const flagged = expected.rows.length;
    expect(await rows.count()).toBe(flagged);
    expect(await tab.locator('#shown').textContent()).toBe(`${flagged} of ${flagged} rows shown`);

    // the filter hides and shows rows by verdict
    const licence = expected.rows.filter((r) => r.verdict === 'license').length;
    expect(licence).toBeGreaterThan(0);
    await tab.locator('#filter input[value="license"]').uncheck();
    expect(await tab.locator('#results tbody tr:visible').count()).toBe(flagged - licence);
    expect(await tab.locator('#results tbody tr[data-verdict="license"]:visible').count()).toBe(0);
    expect(await tab.locator('#shown').textContent()).toBe(`${flagged - licence} of ${flagged} rows shown`);
    await tab.locator('#filter input[value="license"]').check();
    expect(await tab.locator('#results tbody tr:visible').count()).toBe(flagged);

    // hostile text is shown as text; none of it became an element or ran
    const table = (await tab.locator('#results').textContent()) ?? '';
    expect(table).toContain('<img src=x onerror=alert(1)> samarium oxide');
    expect(table).toContain('</script><script>alert(2)</script>');
    expect(await tab.locator('#results img, #results svg, #results script, #results b').count()).toBe(0);
    // one script runs; the rows and the page's words are JSON data blocks
    expect(await tab.locator('script:not([type="application/json"])').count()).toBe(1);
    expect(await tab.locator('svg text', { hasText: '<b>XX</b>' }).count()).toBe(1);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);

    // a real picture: background, text, coloured bars and badges
    const png = await tab.screenshot({ fullPage: false });
    writeFileSync(join(dir, 'report.png'), png);
    const { colours, nonBackground } = colourStats(decodePng(png));
    expect(colours).toBeGreaterThan(50);
    expect(nonBackground).toBeGreaterThan(0.03);
    await tab.close();
  });

  it('opens a report of 60,000 flagged rows within 3 s, one page of rows drawn, every row reachable', async () => {
    const lines = readFileSync(join(ROOT, 'fixtures/sample-manifest.csv'), 'utf8').trimEnd().split('\n');
    // the sample's flagged rows (the clear ones are not in the report), renumbered
    const clear = new Set(['SO-1009', 'SO-1010', 'SO-1014', 'SO-1015', 'SO-1016']);
    const flaggedLines = lines.slice(1).filter((l) => !clear.has(l.split(',')[0]!));
    const big = join(dir, 'big.csv');
    const body: string[] = [];
    for (let i = 0; i < 60_000; i++) body.push(flaggedLines[i % flaggedLines.length]!.replace(/^SO-\d+/, `BIG-${i + 1}`));
    writeFileSync(big, `${lines[0]}\n${body.join('\n')}\n`);
    const bigPage = join(dir, 'big.html');
    const r = spawnSync(process.execPath, [BIN, 'screen', big, '--format', 'json', '--output', `html=${bigPage}`, '--as-of', '2026-11-28', '--fail-on', 'none', '-q'], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    });
    expect(r.status).toBe(0);
    const flagged = (JSON.parse(r.stdout) as { rows: unknown[] }).rows.length;
    expect(flagged).toBe(60_000);

    const tab = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const errors: string[] = [];
    tab.on('pageerror', (e) => errors.push(e.message));
    const started = performance.now();
    await tab.goto(pathToFileURL(bigPage).href, { waitUntil: 'load' });
    await tab.locator('#results tbody tr').first().waitFor();
    const loadMs = Math.round(performance.now() - started);
    const mb = (readFileSync(bigPage).length / 1e6).toFixed(1);
    console.log(`60,000-row HTML report (${mb} MB): loaded and first page drawn in ${loadMs} ms`);
    expect(errors).toEqual([]);
    expect(await tab.locator('#shown').textContent()).toBe('60000 of 60000 rows shown');
    expect(await tab.locator('#results tbody tr').count()).toBe(100);
    expect(await tab.locator('#page').textContent()).toBe('page 1 of 600');
    // triage order: page 2 opens with the 101st prohibited row (5 of every 15 lines are prohibited, the first at 2)
    await tab.locator('#next').click();
    expect(await tab.locator('#results tbody tr').first().locator('td').nth(2).textContent()).toBe('BIG-302');
    expect(loadMs).toBeLessThan(3000);
    await tab.close();
  });
});
