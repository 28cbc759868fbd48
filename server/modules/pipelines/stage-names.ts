/**
 * Stages Kontor creates (the default pipeline and the shipped process templates), by key and the German
 * name they are created with → their English name. As in the web app (web/src/features/pipelines/stages.ts),
 * a stage is translated until someone renames it; what an admin named stays as written.
 */
const SHIPPED_STAGES_EN: Readonly<Record<string, string>> = {
  'new:Neu': 'New',
  'qualified:Qualifiziert': 'Qualified',
  'offer:Angebot': 'Offer',
  'negotiation:Verhandlung': 'Negotiation',
  'won:Gewonnen': 'Won',
  'lost:Verloren': 'Lost',
  'inquiry:Neue Anfrage': 'New inquiry',
  'measurement:Aufmaß': 'Measurement',
  'calculation:Kalkulation': 'Calculation',
  'installation:Montage': 'Installation',
  'booked:Gebucht': 'Booked',
  'won:Besucht': 'Visited',
  'lost:Abgesagt': 'Cancelled',
  'ordered:Bestellt': 'Ordered',
  'won:Geliefert': 'Delivered',
  'lost:Storniert': 'Cancelled',
};

/** A stage's name for a German or English reader (exports): shipped stages in English until renamed. */
export function stageName(stage: { key: string | null; name: string }, lang: 'de' | 'en'): string {
  if (lang === 'de' || stage.key === null) return stage.name;
  const id = `${stage.key}:${stage.name}`;
  return Object.hasOwn(SHIPPED_STAGES_EN, id) ? (SHIPPED_STAGES_EN[id] as string) : stage.name;
}
