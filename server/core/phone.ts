/**
 * Phone numbers in any notation to one comparable form of digits with the country code:
 * "+49 (30) 123 45-67", "0049 30 1234567" and "030/1234567" all become "49301234567".
 * National numbers (leading 0) get the default country code; very short input is kept as its digits.
 */
export function normalizePhone(raw: string | null | undefined, defaultCountryCode = '49'): string | null {
  if (!raw) return null;
  const trimmed = raw.trim();
  let digits = trimmed.replace(/\D/g, '');
  if (digits.length < 3) return null;
  if (trimmed.startsWith('+')) return digits;
  if (digits.startsWith('00')) return digits.slice(2);
  if (digits.startsWith('0')) digits = defaultCountryCode + digits.slice(1);
  return digits;
}

/** Whether a search text is meant as a phone number (mostly digits and phone punctuation). */
export function looksLikePhone(text: string): boolean {
  const digits = text.replace(/\D/g, '');
  return digits.length >= 4 && /^[\d\s+()/.-]+$/.test(text.trim());
}
