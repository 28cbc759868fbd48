/** Lower case, no diacritics, single spaces: "Jürgen  Müller" → "jurgen muller". */
export function foldName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(
        (prev[j] as number) + 1,
        (cur[j - 1] as number) + 1,
        (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    prev = cur;
  }
  return prev[b.length] as number;
}

/**
 * Whether two person names likely mean the same person: equal when folded, a typo apart
 * (one edit per five letters), or the same last name with the same first initial ("A. Schmidt").
 */
export function similarNames(a: { first: string; last: string }, b: { first: string; last: string }): boolean {
  const fa = foldName(`${a.first} ${a.last}`);
  const fb = foldName(`${b.first} ${b.last}`);
  if (!fa || !fb) return false;
  if (fa === fb) return true;
  const allowed = Math.floor(Math.min(fa.length, fb.length) / 5);
  if (allowed > 0 && levenshtein(fa, fb) <= allowed) return true;
  const la = foldName(a.last);
  const lb = foldName(b.last);
  const ia = foldName(a.first).charAt(0);
  const ib = foldName(b.first).charAt(0);
  return la !== '' && la === lb && ia !== '' && ia === ib;
}
