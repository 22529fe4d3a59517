/** An earlier `dualscreen/report@1` JSON report, as --baseline and `waivers lint --report` read it. */
import { z } from 'zod';
import { UserError } from '../errors.js';
import { readUserFile, refOf, type FileRef } from '../files/file.js';

const ReportFinding = z.object({ ruleId: z.string() }).loose();

const ReportRow = z
  .object({
    input: z.string(),
    line: z.number(),
    lineId: z.string().nullable(),
    fingerprint: z.string({ error: 'the row has no fingerprint: the report was written by an older dualscreen; screen again to make a new one' }).regex(/^[0-9a-f]{16}$/),
    values: z.record(z.string(), z.string()),
    findings: z.array(ReportFinding),
  })
  .loose();
export type ReportRow = z.infer<typeof ReportRow>;

const Report = z
  .object({
    schema: z.literal('dualscreen/report@1', { error: 'not a dualscreen/report@1 document (write one with screen --format json)' }),
    rows: z.array(ReportRow),
  })
  .loose();
export type Report = z.infer<typeof Report>;

export function loadReport(path: string, what: string): { ref: FileRef; report: Report } {
  const file = readUserFile(path, what);
  let data: unknown;
  try {
    data = JSON.parse(file.bytes.toString('utf8'));
  } catch (e) {
    throw new UserError(`${file.path}: ${what} is not JSON (${(e as Error).message})`);
  }
  const parsed = Report.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? `${issue.path.map(String).join('.')}: ` : '';
    throw new UserError(`${file.path}: ${what}: ${where}${issue.message}`);
  }
  return { ref: refOf(file), report: parsed.data };
}
