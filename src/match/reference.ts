/**
 * Reference data that is not law: country names, header aliases, "nothing declared" words, CJK
 * variants. It lives as JSON in rules/reference/ (a test checks each file against its schema) and is
 * read here, the one place that knows where.
 */
import { readFileSync } from 'node:fs';

export const REFERENCE_DIR = new URL('../../rules/reference/', import.meta.url);

export function readReference<T>(file: string): T {
  return JSON.parse(readFileSync(new URL(file, REFERENCE_DIR), 'utf8')) as T;
}
