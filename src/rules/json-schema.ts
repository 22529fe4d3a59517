/** The JSON Schema of a rule pack, generated from the zod schema, for editors (yaml-language-server). */
import { z } from 'zod';
import { RulePack } from './schema.js';

export function rulePackJsonSchema(): string {
  const schema = z.toJSONSchema(RulePack, { io: 'input', unrepresentable: 'any' });
  return `${JSON.stringify({ ...schema, title: 'dualscreen rule pack' }, null, 2)}\n`;
}
