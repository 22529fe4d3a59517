import { describe, expect, it } from 'vitest';
import { Spool } from '../../src/report/spool.js';

describe('Spool', () => {
  it('gives back what was appended, in order, whether it stayed in memory or went to a file', () => {
    for (const limit of [1 << 20, 64]) {
      const spool = new Spool(limit);
      const parts = Array.from({ length: 500 }, (_, i) => `<testcase name="行 ${i} 酸化サマリウム"/>\n`);
      for (const p of parts) spool.append(p);
      let out = '';
      spool.drain((t) => (out += t));
      expect(out).toBe(parts.join(''));
      let again = '';
      spool.drain((t) => (again += t));
      expect(again).toBe('');
    }
  });
});
