import { defineFields, germanContactsCsv, importFile, MAPPING } from './import-contacts.ts';
import { type Bench, benchApp, peakRssMb } from './support.ts';

const ROWS = Number(process.env.BENCH_EXPORT_ROWS ?? 100_000);

export const bench: Bench = {
  name: 'export-contacts',
  description: `GET /api/v1/contacts/export of ${ROWS} contacts as CSV and as XLSX (seeded through the import, not timed)`,
  async run() {
    const b = await benchApp();
    try {
      await defineFields(b);
      const seeded = await importFile(b, germanContactsCsv(ROWS), MAPPING);
      if (seeded.created !== ROWS) throw new Error(`seeding failed: ${JSON.stringify(seeded)}`);
      const result: Record<string, string | number> = { rows: ROWS };
      for (const format of ['csv', 'xlsx'] as const) {
        const started = performance.now();
        const res = await b.inject('GET', `/api/v1/contacts/export?format=${format}`);
        const seconds = (performance.now() - started) / 1000;
        if (res.status !== 200) throw new Error(`${format} export: ${res.status}`);
        result[`${format} s`] = Math.round(seconds * 100) / 100;
        result[`${format} rows/s`] = Math.round(ROWS / seconds);
        result[`${format} MB`] = Math.round(res.raw.length / 1024 / 10.24) / 100;
      }
      result['peak RSS MB'] = peakRssMb();
      return result;
    } finally {
      await b.close();
    }
  },
};
