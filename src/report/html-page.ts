/**
 * The style and the one script of the HTML report. The flagged rows travel as JSON in a
 * `<script type="application/json">` block (data, never run), their shared text in a string table, and the
 * script draws one page of them at a time with textContent, so a report of 60,000 rows opens at once and no manifest text becomes markup.
 * Filters (verdicts, review included; nexus only; text) and paging act on the data; printing draws every row
 * the filters leave.
 */
import { createHash } from 'node:crypto';

export const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","Noto Sans CJK JP",sans-serif;margin:0 auto;max-width:1280px;padding:16px 24px;color:#1f2328;background:#fff}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #d0d7de}h3{font-size:15px;margin:16px 0 6px}
.disclaimer{color:#57606a;margin:0 0 12px}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #d0d7de;padding:4px 6px;text-align:left;vertical-align:top}th{background:#f6f8fa}
td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
th.v-prohibited{color:#b91c1c}th.v-license{color:#b45309}th.v-review{color:#0e7490}th.v-clear{color:#15803d}
code,.hash{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:12px}.hash{word-break:break-all}
dl.options{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:0}dl.options dt{font-weight:600}dl.options dd{margin:0}
.warnings li{color:#9a6700}.gate{font-weight:600;margin:4px 0}.gate.fails{color:#b91c1c}.gate.passes{color:#15803d}
.counts{display:flex;gap:12px;list-style:none;padding:0;flex-wrap:wrap}.counts li{border:1px solid #d0d7de;border-radius:6px;padding:6px 12px}.counts b{font-size:20px;margin-right:4px}
.charts{display:flex;flex-wrap:wrap;gap:16px}.chart{margin:0}.chart figcaption{font-weight:600;margin-bottom:4px}.chart text{font-size:12px;fill:#1f2328}
.badge{display:inline-block;border-radius:4px;padding:0 6px;color:#fff;font-size:12px;font-weight:600}
.badge.v-prohibited{background:#b91c1c}.badge.v-license{background:#b45309}.badge.v-review{background:#0e7490}.badge.v-clear{background:#15803d}
.nexus{display:inline-block;border:1px solid #8250df;color:#8250df;border-radius:4px;padding:0 4px;font-size:11px;margin:2px 0 0 2px}
rect.v-prohibited{fill:#b91c1c}rect.v-license{fill:#d97706}rect.v-review{fill:#0e7490}rect.v-clear{fill:#16a34a}rect.v-rows{fill:#57606a}
.finding{margin:0 0 6px}.evidence{margin:2px 0 2px 18px;padding:0;font-size:12px;color:#424a53}.source{font-size:12px;color:#57606a}
.meta{font-size:12px;color:#57606a}.note{font-size:12px;color:#57606a;margin:2px 0}.tag{font-size:11px;border:1px solid #8c959f;border-radius:4px;padding:0 4px}
details{margin:8px 0}summary{cursor:pointer;font-weight:600}
#filter,#pager{margin:8px 0;display:flex;gap:14px;align-items:center;flex-wrap:wrap}
#pager button{font:inherit}
@media print{
body{max-width:none;padding:0;font-size:11px}
#filter,#pager,.noprint{display:none}
details{display:block}details>*{display:block}
tr,figure{break-inside:avoid}
.badge,rect,.nexus{print-color-adjust:exact;-webkit-print-color-adjust:exact}
a{color:inherit;text-decoration:none}
}
`;

export const SCRIPT = `(() => {
  const json = (id) => JSON.parse(document.getElementById(id).textContent);
  const page = json('page-data');
  const rows = json('rows-data');
  const W = page.words;
  const S = page.strings;
  const F = page.findings;
  const texts = (list) => list.map((k) => S[k]);
  const say = (key, values) => W[key].replace(/\\{(\\w+)\\}/g, (_, k) => String(values[k]));
  const boxes = [...document.querySelectorAll('#filter input[data-verdict]')];
  const nexusOnly = document.getElementById('nexus-only');
  const search = document.getElementById('search');
  const size = document.getElementById('page-size');
  const body = document.querySelector('#results tbody');
  const shown = document.getElementById('shown');
  const where = document.getElementById('page');
  const prev = document.getElementById('prev');
  const next = document.getElementById('next');
  if (!body) return;
  const el = (tag, className, text) => {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  };
  const V = W.verdicts;
  const badge = (v) => el('span', 'badge v-' + V[v][0], V[v][1]);
  // a row: [verdict, nexus, file, line, line id, description, quantity, value, particulars, findings, notes, baseline]
  const place = (r) => S[r[2]] + ':' + r[3];
  const particulars = (r) => [r[6] && W.quantity + ' ' + r[6], r[7] && W.value + ' ' + r[7], S[r[8]]].filter(Boolean).join(' · ');
  const rowElement = (r) => {
    const tr = el('tr');
    tr.dataset.verdict = V[r[0]][0];
    const verdict = el('td');
    verdict.append(badge(r[0]));
    for (const n of texts(r[1])) verdict.append(' ', el('span', 'nexus', n));
    if (r[11]) verdict.append(' ', el('span', 'tag', r[11]));
    const at = el('td');
    at.append(el('code', '', place(r)));
    const goods = el('td', '', r[5]);
    const meta = particulars(r);
    if (meta) goods.append(el('div', 'meta', meta));
    const findings = el('td');
    for (const k of r[9]) {
      const f = F[k];
      const div = el('div', 'finding');
      div.append(badge(f[0]), ' ', el('code', '', S[f[1]]), ' ' + S[f[2]]);
      for (const mark of texts(f[5])) div.append(' ', el('span', 'tag', mark));
      if (f[3].length) {
        const ul = el('ul', 'evidence');
        for (const e of texts(f[3])) ul.append(el('li', '', e));
        div.append(ul);
      }
      const [title, url] = page.sources[f[4]];
      const source = el('div', 'source');
      if (url) {
        const a = el('a', '', title);
        a.href = url;
        a.rel = 'noreferrer';
        source.append(a);
      } else source.textContent = title;
      div.append(source);
      findings.append(div);
    }
    for (const n of texts(r[10])) findings.append(el('p', 'note', n));
    tr.append(verdict, at, el('td', '', r[4]), goods, findings);
    return tr;
  };
  const lowered = new WeakMap();
  const text = (r) => {
    let t = lowered.get(r);
    if (t === undefined) lowered.set(r, (t = [place(r), r[4], r[5], particulars(r), ...r[9].map((k) => S[F[k][1]] + ' ' + S[F[k][2]])].join(' ').toLowerCase()));
    return t;
  };
  let matching = rows;
  let first = 0;
  const perPage = () => (size.value === 'all' ? Infinity : Number(size.value));
  const draw = (all) => {
    const end = all ? matching.length : Math.min(matching.length, first + perPage());
    const fragment = document.createDocumentFragment();
    for (let i = all ? 0 : first; i < end; i++) fragment.append(rowElement(matching[i]));
    body.replaceChildren(fragment);
    shown.textContent = say('shown', { shown: matching.length, total: rows.length });
    const pages = Math.max(1, Math.ceil(matching.length / perPage()));
    where.textContent = say('page', { page: Math.floor(first / perPage()) + 1, pages });
    prev.disabled = first === 0;
    next.disabled = end >= matching.length;
  };
  const filter = () => {
    const on = new Set(boxes.filter((b) => b.checked).map((b) => b.dataset.verdict));
    const q = search.value.trim().toLowerCase();
    matching = rows.filter((r) => on.has(V[r[0]][0]) && (!nexusOnly.checked || r[1].length > 0) && (!q || text(r).includes(q)));
    first = 0;
    draw();
  };
  for (const input of [...boxes, nexusOnly, size]) input.addEventListener('change', filter);
  search.addEventListener('input', filter);
  prev.addEventListener('click', () => {
    first = Math.max(0, first - perPage());
    draw();
  });
  next.addEventListener('click', () => {
    first += perPage();
    draw();
  });
  addEventListener('beforeprint', () => draw(true));
  addEventListener('afterprint', () => draw());
  filter();
})();`;

const hash = (text: string): string => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** Only this page's own style and script; the JSON blocks are data, which no policy needs to allow. */
export const CSP = `default-src 'none'; style-src ${hash(STYLE)}; script-src ${hash(SCRIPT)}; img-src data:; base-uri 'none'; form-action 'none'`;

/** JSON inside a script element: no `<` can close it or open a comment, whatever the text holds. */
export const jsonInScript = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
