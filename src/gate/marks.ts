/** How a finding stands after gating, in words, for reporters that print text. */
import type { Finding } from '../model/result.js';

export function gateMarks(f: Finding): string[] {
  const marks: string[] = [];
  if (f.waived) marks.push(`waived by ${f.waived.waiverId} (approved by ${f.waived.approvedBy}, expires ${f.waived.expires}): ${f.waived.reason}`);
  if (f.coveredBy) marks.push(`covered by licence ${f.coveredBy.licence}`);
  if (f.baseline === 'known') marks.push('known: in the baseline report');
  return marks;
}
