/**
 * YAML the user writes (rule packs, waivers, licence registers, the config file): parsed with
 * positions, validated by a zod schema, every mistake reported as `file:line:col: message`.
 */
import { isMap, isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { UserError } from '../errors.js';

/** A path into the document; `{ key }` as the last step locates a map key rather than its value. */
export type YamlPath = ReadonlyArray<PropertyKey | { key: string }>;

export interface YamlText {
  data: unknown;
  /** `file:line:col` of the node at a path (the nearest parent found). */
  locate(path: YamlPath): string;
}

/** Parses YAML text; a syntax error is a UserError at its position. */
export function parseYaml(text: string, shown: string): YamlText {
  const lineCounter = new LineCounter();
  // The yaml parser's own limits bound alias expansion (maxAliasCount) and nesting.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number): string => {
    const { line, col } = lineCounter.linePos(offset);
    return `${shown}:${line}:${col}`;
  };
  const firstError = doc.errors[0];
  if (firstError) throw new UserError(`${at(firstError.pos[0])}: YAML: ${firstError.message.split('\n')[0]}`);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    throw new UserError(`${at(0)}: YAML: ${(e as Error).message}`);
  }
  return { data, locate: (path) => at(offsetOf(doc, path)) };
}

/** Every zod issue as `file:line:col: message`; `allowed` explains unknown keys. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], locate: YamlText['locate'], allowed: string, base: PropertyKey[] = []): string[] {
  return issues.map((issue) => {
    const path = [...base, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      const key = issue.keys[0] ?? '';
      return `${locate([...path, { key }])}: unknown key "${key}" (allowed: ${allowed})`;
    }
    const where = path.length ? ` (${path.map(String).join('.')})` : '';
    return `${locate(path)}: ${issue.message}${where}`;
  });
}

/** The first problem as a UserError, saying how many more there are. */
export function failWith(problems: string[]): never {
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  throw new UserError(`${problems[0] ?? 'invalid input'}${more}`);
}

/** Validates parsed YAML against a schema; the first mistake is a UserError. */
export function validateYaml<T>(schema: z.ZodType<T>, yaml: YamlText, allowed: string): T {
  const parsed = schema.safeParse(yaml.data);
  if (!parsed.success) failWith(describeIssues(parsed.error.issues, yaml.locate, allowed));
  return parsed.data;
}

function offsetOf(doc: Document, path: YamlPath): number {
  let node: unknown = doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (const step of path) {
    if (typeof step === 'object' && step !== null && 'key' in step) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isNode(p.key) && String((p.key as { value?: unknown }).value) === step.key);
        offset = rangeStart(pair?.key) ?? offset;
      }
      return offset;
    }
    const next = isNode(node) && 'get' in node ? (node as { get(k: unknown, keep: true): unknown }).get(step, true) : undefined;
    if (next === undefined) return offset;
    node = next;
    offset = rangeStart(node) ?? offset;
  }
  return offset;
}

function rangeStart(node: unknown): number | undefined {
  return isNode(node) && node.range ? node.range[0] : undefined;
}
