/**
 * Renders a Msg in a language from its catalogue. Templates use a small subset of ICU MessageFormat:
 * `{name}`; `{name, list, comma}` (a list joined by the catalogue's `sep.comma`); `{name, plural, one {…}
 * other {…}}` (`=N` keys too); `{name, select, key {…} other {…}}`, where `none` is the branch for a
 * missing or empty parameter. Branches may hold placeholders. Nothing else is special: apostrophes are text.
 */
import { isLocalized, isMsg, type Lang, type Msg, type Param } from '../model/message.js';
import { en, type MessageId } from './en.js';
import { ja } from './ja.js';
import { zh } from './zh.js';

export type Catalogue = Record<MessageId, string>;
export const CATALOGUES: Record<Lang, Catalogue> = { en, zh, ja };

type Node =
  | string
  | { arg: string }
  | { arg: string; list: string }
  | { arg: string; choose: 'select' | 'plural'; branches: Map<string, Node[]> };

const parsed = new Map<string, Node[]>();

/** A catalogue text parsed into nodes; throws on unbalanced braces (a test parses every entry). */
export function parseTemplate(template: string): Node[] {
  let at = 0;
  const fail = (why: string): never => {
    throw new SyntaxError(`${why} at ${at} in "${template}"`);
  };
  const nodes = (): Node[] => {
    const out: Node[] = [];
    let text = '';
    while (at < template.length && template[at] !== '}') {
      if (template[at] !== '{') {
        text += template[at++];
        continue;
      }
      if (text) out.push(text);
      text = '';
      at++;
      out.push(placeholder());
    }
    if (text) out.push(text);
    return out;
  };
  const word = (): string => {
    const m = /^\s*([^\s,{}]+)\s*/.exec(template.slice(at));
    if (!m) fail('expected a name');
    at += m![0].length;
    return m![1]!;
  };
  const placeholder = (): Node => {
    const arg = word();
    if (template[at] === '}') {
      at++;
      return { arg };
    }
    if (template[at++] !== ',') fail('expected , or }');
    const kind = word();
    if (template[at++] !== ',') fail('expected ,');
    if (kind === 'list') {
      const list = word();
      if (template[at++] !== '}') fail('expected }');
      return { arg, list };
    }
    if (kind !== 'select' && kind !== 'plural') fail(`unknown kind ${kind}`);
    const branches = new Map<string, Node[]>();
    for (;;) {
      while (template[at] === ' ') at++;
      if (template[at] === '}') {
        at++;
        break;
      }
      const key = word();
      if (template[at++] !== '{') fail('expected {');
      branches.set(key, nodes());
      if (template[at++] !== '}') fail('expected }');
    }
    if (!branches.has('other')) fail('a select or plural needs an other branch');
    return { arg, choose: kind as 'select' | 'plural', branches };
  };
  const out = nodes();
  if (at !== template.length) fail('unbalanced }');
  return out;
}

function template(lang: Lang, id: string): Node[] {
  const key = `${lang}\u0000${id}`;
  let nodes = parsed.get(key);
  if (!nodes) {
    const text = (CATALOGUES[lang] as Record<string, string>)[id] ?? (en as Record<string, string>)[id];
    if (text === undefined) throw new Error(`message id "${id}" is in no catalogue`);
    nodes = parseTemplate(text);
    parsed.set(key, nodes);
  }
  return nodes;
}

function value(p: Param | undefined, lang: Lang): string {
  if (p === undefined) return '';
  if (typeof p === 'string') return p;
  if (typeof p === 'number' || typeof p === 'boolean') return String(p);
  if (Array.isArray(p)) return p.map((x) => value(x, lang)).join(text(lang, 'sep.comma'));
  if (isMsg(p)) return format(p, lang);
  if (isLocalized(p)) return p[lang] ?? p.en;
  return '';
}

function render(nodes: Node[], params: Msg['params'], lang: Lang): string {
  let out = '';
  for (const n of nodes) {
    if (typeof n === 'string') out += n;
    else if ('list' in n) {
      const p = params?.[n.arg];
      const items = p === undefined ? [] : Array.isArray(p) ? p : [p];
      out += items.map((x) => value(x, lang)).join(text(lang, `sep.${n.list}`));
    } else if ('choose' in n) {
      const p = params?.[n.arg];
      let key: string;
      if (n.choose === 'plural') {
        const count = Number(p);
        key = n.branches.has(`=${count}`) ? `=${count}` : lang === 'en' && count === 1 ? 'one' : 'other';
      } else key = p === undefined || p === '' ? 'none' : typeof p === 'object' ? 'other' : String(p);
      out += render(n.branches.get(key) ?? n.branches.get('other')!, params, lang);
    } else out += value(params?.[n.arg], lang);
  }
  return out;
}

/** A catalogue entry without parameters (headings, verdict names, separators). */
export function text(lang: Lang, id: MessageId | string, params?: Msg['params']): string {
  return render(template(lang, id), params, lang);
}

export function format(msg: Msg, lang: Lang): string {
  return render(template(lang, msg.id), msg.params, lang);
}
