/**
 * Civil bodies named after a military one: a veterans' or alumni association, a society, a league, a church, a surplus
 * store ("2nd Infantry Division Association", "Navy League of the United States", "U.S. Naval Academy Alumni Association",
 * "Eighth Army Surplus Store", 第一師団戦友会). The name holds the unit's or the service's words, but the body is not it.
 */
import { foldText } from './fold.js';

/**
 * The words such bodies call themselves by. Not "club" (an officers' club on a base is run by the service), "museum"
 * (the 1st Cavalry Division Museum is the Army's) or "school" (the DoD runs schools).
 */
const LATIN = ['association', 'alumni', 'society', 'foundation', 'league', 'veterans', 'reunion', 'church', 'fellowship', 'surplus'];
/** Chinese and Japanese (协会/協会, 校友会, 同窓会, 戦友会, 退伍军人, 老兵, 基金会) and Korean (협회, 전우회, 재단) forms, folded. */
const CJK = ['协会', '協会', '校友会', '同窓会', '戦友会', '退伍军人', '老兵', '基金会', '협회', '전우회', '재단'].map(foldText);

export const CIVIL_BODY_WORDS: ReadonlySet<string> = new Set(LATIN);

const LATIN_WORD = new RegExp(`(?<![\\p{L}\\p{N}])(?:${LATIN.join('|')})(?![\\p{L}\\p{N}])`, 'u');

/** Whether a name (folded, see foldText) is a civil body's that bears a military body's words. */
export function namesCivilBody(folded: string): boolean {
  return LATIN_WORD.test(folded) || CJK.some((w) => folded.includes(w));
}
