/** A chunk's flagged rows rendered for the report where they are screened, and what they count for in the run. */
import type { RuleSet } from '../engine/compile.js';
import { memoOf } from '../engine/memo.js';
import { ruleDataWarnings, WarningCollector, type RuleDataWarning } from '../engine/warnings.js';
import type { Result } from '../model/result.js';
import { GateCollector } from '../report/outcome.js';
import { RowRenderer } from '../report/row-text.js';
import type { ChunkItem, RenderedTally, WorkerSetup } from './jobs.js';

export class RenderedChunk {
  private readonly renderer: RowRenderer;
  private readonly gate: GateCollector;
  private readonly warnings: WarningCollector;
  private readonly verdicts: RenderedTally['verdicts'] = { prohibited: 0, license: 0, review: 0 };

  constructor(rs: RuleSet, asOf: string, { format, failOn }: NonNullable<WorkerSetup['rowText']>) {
    this.renderer = new RowRenderer(format);
    this.gate = new GateCollector(failOn);
    // the same candidates, in the same order, as the main thread's collector: it adds these counts to its own
    this.warnings = new WarningCollector(memoOf<RuleDataWarning[]>(rs, 'rule-data warnings', 4).get(asOf, () => ruleDataWarnings(rs, asOf)));
  }

  /** A flagged row. */
  add(result: Result): void {
    if (result.verdict === 'clear') throw new Error('a clear row is only counted');
    this.verdicts[result.verdict]++;
    this.gate.add(result);
    this.warnings.add(result);
    this.renderer.add(result);
  }

  /** The rows rendered since the last item, before the next item of another kind. */
  flushInto(items: ChunkItem[]): void {
    const rows = this.renderer.take();
    if (rows) items.push({ kind: 'rows', rows });
  }

  tally(): RenderedTally {
    return { verdicts: this.verdicts, gate: this.gate.gate(), warningRows: this.warnings.rowCounts() };
  }
}
