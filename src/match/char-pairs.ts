/** Each two characters running together ("压力阀": 压力, 力阀), a surrogate pair counting as one character; none for one character. */
export function characterPairs(text: string): string[] {
  const chars = [...text];
  return chars.length < 2 ? [] : chars.slice(1).map((c, i) => chars[i]! + c);
}
