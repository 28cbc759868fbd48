import de from './de.json';
import en from './en.json';
import automationDe from './parts/automation.de.json';
import automationEn from './parts/automation.en.json';
import documentsDe from './parts/documents.de.json';
import documentsEn from './parts/documents.en.json';
import importsDe from './parts/imports.de.json';
import importsEn from './parts/imports.en.json';

/**
 * The UI texts: the base dictionary plus one file pair per larger feature under parts/
 * (each owns its own top-level key, so features are translated without touching each other).
 */
export const dictionaries = {
  de: { ...de, ...documentsDe, ...automationDe, ...importsDe },
  en: { ...en, ...documentsEn, ...automationEn, ...importsEn },
};

export type Dictionary = (typeof dictionaries)['de'];
