import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { dictionaries } from './dictionaries.ts';

export const LANGUAGES = ['de', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'kontor.language';

// Both dictionaries must carry the same keys: each is checked against the other's shape at compile time.
const enComplete: typeof dictionaries.de = dictionaries.en;
const deComplete: typeof dictionaries.en = dictionaries.de;

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function storedLanguage(): Language | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

/** Before login: the stored choice, else the browser's language, else German. */
function initialLanguage(): Language {
  const stored = storedLanguage();
  if (stored) return stored;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'de';
}

void i18n.use(initReactI18next).init({
  resources: { de: { translation: deComplete }, en: { translation: enComplete } },
  lng: initialLanguage(),
  fallbackLng: 'de',
  supportedLngs: LANGUAGES,
  interpolation: { escapeValue: false },
  initAsync: false,
});

document.documentElement.lang = i18n.language;
i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'de';
}

/** Switches the UI language now and remembers it for the next visit (also before login). */
export function setLanguage(lng: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // private mode: the choice lasts for this page only
  }
  if (i18n.language !== lng) void i18n.changeLanguage(lng);
}

export default i18n;
