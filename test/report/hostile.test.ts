/**
 * Hostile manifest text through every CI format: descriptions, party names, line ids, header names,
 * messages and file names that try to close an element, start a command, add a table column or run
 * a formula. Each stays data: XML validates, SARIF validates, CSV round-trips, Markdown keeps its
 * columns, a GitHub command stays one line.
 */
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../src/model/result.js';
import { neutralise } from '../../src/report/csv.js';
import { visible } from '../../src/report/visible.js';
import { finding, junitErrors, render, result, sarifErrors, xmlDecode, type Feed } from './harness.js';

const HOSTILE = [
  '</failure></testcase><testcase name="injected"/>',
  ']]><![CDATA[',
  '::error file=evil.csv,line=1::pwned',
  'fifty %0A percent %25 %',
  'a | b || c',
  '=HYPERLINK("http://evil.example","click")',
  '+cmd|\' /C calc\'!A0',
  '-1+2',
  '@SUM(1+1)*cmd|\' /C calc\'!A0',
  '\tTAB',
  '\rCR first',
  'line one\nline two\r\nline three',
  'NUL\u0000byte and \u0001\u001f controls',
  'emoji 🧲👩‍🔬 and 氧化钐 酸化サマリウム',
  '<script>alert(1)</script> & &amp; "quoted" \'single\'',
  '`code` [link](http://evil.example) *bold* _it_ ~~s~~ \\| <br>',
  'separators\u2028\u2029and\u0085',
  'lone surrogate \ud800 here',
];

/** What XML 1.0 can carry of a string (the reporter strips the rest). */
const xmlSafe = (s: string): string => s.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');

function hostileFeed(text: string): Feed {
  const f = finding({
    verdict: 'prohibited',
    message: `party ${text}`,
    source: `source ${text}`,
    evidence: [{ field: 'consignee', value: text, matched: text, kind: 'party', score: 0.95 }],
  });
  const headers = ['Line ID', 'Description', 'Consignee', 'HS Code', text];
  const results: Result[] = [
    result({ line_id: text, description: text, consignee: text, hs_code: '2846901940' }, [f, finding({ verdict: 'review' })], { input: 'm.csv', line: 2, extras: { [text]: text } }),
    result({ line_id: 'OK-1', description: 'Cotton', hs_code: '6109100000' }, [], { input: 'm.csv', line: 3, extras: { [text]: '' } }),
  ];
  return { headers: { 'm.csv': headers }, results, errors: [{ input: 'm.csv', line: 4, message: `bad ${text}` }] };
}

async function checkJunit(text: string): Promise<void> {
  const xml = render('junit', hostileFeed(text));
  expect(await junitErrors(xml)).toEqual([]);
  expect(xml.match(/<testcase /g)).toHaveLength(3);
  expect(xml).not.toContain('<testcase name="injected"');
  const failure = /<failure [^>]*>([^<]*)<\/failure>/.exec(xml)![1]!;
  expect(xmlDecode(failure)).toContain(`party ${xmlSafe(text)}`);
}

function checkSarif(text: string): void {
  const log = JSON.parse(render('sarif', hostileFeed(text))) as { runs: { results: { message: { text: string } }[] }[] };
  expect(sarifErrors(log)).toEqual([]);
  expect(log.runs[0]!.results).toHaveLength(2);
  expect(log.runs[0]!.results[0]!.message.text).toContain(`party ${text}`);
}

/** As a cell comes back from UTF-8 (csv-parse reads through a Buffer): a lone surrogate becomes U+FFFD. */
const utf8 = (s: string): string => Buffer.from(s).toString();

function checkCsv(text: string): void {
  const rows = parse(render('csv', hostileFeed(text)), { bom: true }) as string[][]; // strict: every row as wide as the header
  expect(rows).toHaveLength(4);
  expect(rows[0]!.slice(0, 5)).toEqual(['Line ID', 'Description', 'Consignee', 'HS Code', utf8(neutralise(text))]);
  expect(rows[1]!.slice(0, 5)).toEqual([text, text, text, '2846901940', text].map((t) => utf8(neutralise(t))));
  expect(rows[1]![7]).toBe(utf8(neutralise(`party ${text} | review message`)));
  // a cell a spreadsheet would run starts with one of these; a signed plain number ("-12.5", "+0") is only a number
  const signedNumber = /^[+-](\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?$/;
  const isSignedNumber = (cell: string): boolean => signedNumber.test(cell) && /\d/.test(cell);
  for (const cell of rows.flat().filter((c) => !isSignedNumber(c))) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
}

function checkMarkdown(text: string): void {
  const md = render('markdown', hostileFeed(text), { all: true });
  const table = md.split('\n').filter((l) => l.startsWith('| '));
  const widths = new Set(table.filter((l) => l.includes('m.csv:2') || l.includes('m.csv:3') || l.startsWith('| file:line | line id')).map((l) => l.split('|').length));
  expect(widths).toEqual(new Set([8])); // 6 columns between 7 pipes
  expect(md.split('\n').filter((l) => l.includes('m.csv:2'))).toHaveLength(1);
  for (const raw of ['<script', '</testcase', '](http://evil', '`code`']) expect(md).not.toContain(raw);
}

function checkGithub(text: string): void {
  const out = render('github', hostileFeed(text));
  const lines = out.split('\n').filter((l) => l !== '');
  expect(lines).toHaveLength(3); // the flagged row, the rejected line, the totals
  expect(lines[0]).toMatch(/^::error file=m\.csv,line=2,title=[^:]*::/);
  expect(lines[1]).toMatch(/^::error file=m\.csv,line=4,title=[^:]*::bad /);
  const message = lines[0]!.slice(lines[0]!.indexOf('::', 2) + 2);
  const decoded = message.replaceAll('%0A', '\n').replaceAll('%0D', '\r').replaceAll('%25', '%');
  expect(decoded).toContain(`party ${visible(text)}`); // controls shown, never obeyed
}

describe.each(HOSTILE.map((text) => [JSON.stringify(text), text]))('hostile text %s', (_, text) => {
  it('junit: well-formed, valid, nothing injected', () => checkJunit(text));
  it('sarif: valid, the text kept exactly', () => checkSarif(text));
  it('csv: round-trips with formula cells neutralised', () => checkCsv(text));
  it('markdown: the table keeps its columns', () => checkMarkdown(text));
  it('github: one command per row', () => checkGithub(text));
});

describe('any text', () => {
  const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }), fc.constantFrom(...HOSTILE), fc.string({ unit: 'binary-ascii', maxLength: 30 }));
  const mixed = fc.array(text, { minLength: 1, maxLength: 3 }).map((parts) => parts.join(''));

  it('keeps every text format intact', () => {
    fc.assert(
      fc.property(mixed, (t) => {
        checkSarif(t);
        checkCsv(t);
        checkMarkdown(t);
        checkGithub(t);
      }),
      // seeded like the suite's other properties
      { seed: 20261203, numRuns: 300 },
    );
  });

  it('keeps the JUnit report valid', { timeout: 60_000 }, async () => {
    await fc.assert(fc.asyncProperty(mixed, checkJunit), { seed: 20261203, numRuns: 25 });
  });
});
