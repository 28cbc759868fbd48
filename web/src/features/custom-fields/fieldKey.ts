const UMLAUTS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue' };

/**
 * A key suggested from a label: "Besuche pro Jahr" → "besucheProJahr", "Größe (cm)" → "groesseCm".
 * Keys start with a letter and hold letters, digits and _ (at most 40), as the API requires.
 */
export function keyFromLabel(label: string): string {
  const ascii = label
    .replace(/[äöüßÄÖÜ]/g, (ch) => UMLAUTS[ch] ?? ch)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
  const words = ascii.split(/[^a-zA-Z0-9]+/).filter(Boolean);
  const camel = words
    .map((word, i) => (i === 0 ? word.toLowerCase() : word.charAt(0).toUpperCase() + word.slice(1).toLowerCase()))
    .join('')
    .replace(/^[^a-zA-Z]+/, '');
  return camel.slice(0, 40);
}

export const KEY_PATTERN = /^[a-zA-Z][a-zA-Z0-9_]{0,39}$/;
