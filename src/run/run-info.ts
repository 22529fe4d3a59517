/** The audit header every report starts with: tool, as-of date, options and rule packs. */
import type { RuleSet } from '../engine/compile.js';
import { newestDataDate } from '../model/run.js';
import type { RunInfo } from '../report/types.js';
import { VERSION } from '../version.js';

export function runInfo(ruleSet: RuleSet, asOf: string, options: Record<string, unknown>, inputs?: string[]): RunInfo {
  return {
    tool: { name: 'dualscreen', version: VERSION },
    generatedAt: new Date().toISOString(),
    asOf,
    options,
    rulePacks: ruleSet.packs,
    ruleDataAsOf: newestDataDate(ruleSet.packs) ?? '',
    ...(inputs ? { inputs } : {}),
    item: (id) => {
      const ci = ruleSet.itemsById.get(id);
      if (!ci) return undefined;
      const { controlCode, title } = ci.item;
      return { ...(controlCode ? { code: controlCode } : {}), title: { en: title.en, ...(title.zh ? { zh: title.zh } : {}), ...(title.ja ? { ja: title.ja } : {}) } };
    },
  };
}
