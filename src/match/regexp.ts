/** Text to be matched as written inside a regular expression (with or without the `u` flag): its syntax characters escaped. */
export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
