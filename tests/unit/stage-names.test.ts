import { describe, expect, it } from 'vitest';
import { DEFAULT_STAGES } from '../../server/modules/pipelines/default-pipeline.ts';
import { stageName } from '../../server/modules/pipelines/stage-names.ts';
import { PROCESS_TEMPLATES } from '../../server/modules/workflows/templates.ts';
import en from '../../web/src/i18n/en.json' with { type: 'json' };

const shipped = [...DEFAULT_STAGES, ...PROCESS_TEMPLATES.flatMap((template) => template.pipeline.stages)];

describe('stage names in exports', () => {
  it('has an English name for every stage Kontor ships, the one the web app shows', () => {
    const webNames = new Set(Object.values(en.pipelines.stageKeys));
    for (const stage of shipped) {
      const english = stageName(stage, 'en');
      expect(english, `${stage.key}:${stage.name}`).not.toBe(stage.name);
      expect(webNames.has(english), `${stage.key}:${stage.name} → ${english}`).toBe(true);
    }
  });

  it('keeps German names for German readers, and names a person gave as written', () => {
    expect(stageName({ key: 'offer', name: 'Angebot' }, 'de')).toBe('Angebot');
    expect(stageName({ key: 'offer', name: 'Angebot' }, 'en')).toBe('Offer');
    expect(stageName({ key: 'offer', name: 'Kostenvoranschlag' }, 'en')).toBe('Kostenvoranschlag');
    expect(stageName({ key: null, name: 'Gewonnen' }, 'en')).toBe('Gewonnen');
    expect(stageName({ key: 'toString', name: 'x' }, 'en')).toBe('x');
  });
});
