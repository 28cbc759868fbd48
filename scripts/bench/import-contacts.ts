import { type Bench, type BenchApp, benchApp, multipart, peakRssMb } from './support.ts';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);

const FIRST = ['Jürgen', 'Anna', 'Özlem', 'Klaus', 'Sabine', 'Thomas', 'Birgit', 'Ömer', 'Claudia', 'Stefan'];
const LAST = ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weiß', 'Größer', 'Becker', 'Hoffmann', 'Schäfer', 'Koch'];
const SUFFIX = ['', 'mann', 'er', 'inger', 'haus', 'berg', 'feld', 'bauer', 'meier', 'hofer'];
const PREFIX = ['', 'Groß', 'Klein', 'Neu', 'Alt', 'Ober', 'Unter', 'Hoch', 'Nieder', 'Mittel'];
const CITIES = ['München', 'Köln', 'Düsseldorf', 'Berlin', 'Nürnberg', 'Würzburg', 'Lübeck', 'Göttingen'];

/** A German Excel CSV of contacts: BOM, semicolons, CRLF, umlauts, German dates and amounts, ~1000 companies. */
export function germanContactsCsv(rows: number): Buffer {
  const lines = ['Vorname;Nachname;E-Mail;Telefon;Firma;Straße;PLZ;Ort;Land;Quelle;Schlagworte;Kunde seit;Umsatz'];
  for (let i = 0; i < rows; i++) {
    const first = FIRST[i % FIRST.length];
    // 1000 surnames, about 100 people each: closer to a real customer base than a handful of names
    const prefix = PREFIX[Math.floor(i / 100) % 10] as string;
    const base = LAST[Math.floor(i / 10) % 10] as string;
    const last = `${prefix}${prefix ? base.toLowerCase() : base}${SUFFIX[i % 10]}`;
    const day = String((i % 28) + 1).padStart(2, '0');
    const month = String((i % 12) + 1).padStart(2, '0');
    lines.push(
      [
        first,
        last,
        `kontakt${i}@beispiel-${i % 97}.de`,
        `0${170 + (i % 30)} ${String(1_000_000 + i)}`,
        `Firma ${i % 1000} GmbH`,
        `Hauptstraße ${(i % 200) + 1}`,
        String(10_000 + (i % 89_999)).padStart(5, '0'),
        CITIES[i % CITIES.length],
        'Deutschland',
        i % 3 === 0 ? 'Messe' : 'Website',
        i % 5 === 0 ? 'VIP, Newsletter' : 'Newsletter',
        `${day}.${month}.20${String(10 + (i % 15))}`,
        `${(i % 50) + 1}.${String(i % 1000).padStart(3, '0')},${String(i % 100).padStart(2, '0')}`,
      ].join(';'),
    );
  }
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8')]);
}

export const MAPPING = {
  Vorname: 'firstName',
  Nachname: 'lastName',
  'E-Mail': 'email',
  Telefon: 'phone',
  Firma: 'company',
  Straße: 'street',
  PLZ: 'zip',
  Ort: 'city',
  Land: 'country',
  Quelle: 'source',
  Schlagworte: 'tags',
  'Kunde seit': 'customFields.kundeSeit',
  Umsatz: 'customFields.umsatz',
};

export async function defineFields(b: BenchApp): Promise<void> {
  for (const def of [
    { entity: 'contact', key: 'kundeSeit', label: 'Kunde seit', type: 'date' },
    { entity: 'contact', key: 'umsatz', label: 'Umsatz', type: 'money' },
  ]) {
    const res = await b.inject('POST', '/api/v1/custom-fields', def);
    if (res.status !== 201) throw new Error(`custom field: ${JSON.stringify(res.body)}`);
  }
}

/** Uploads a file to POST /imports and polls until it is done; answers the finished import. */
export async function importFile(b: BenchApp, file: Buffer, mapping: Record<string, string>): Promise<any> {
  const { payload, headers } = multipart({ entity: 'contact', mapping: JSON.stringify(mapping) }, 'kontakte.csv', file);
  const res = await b.app.inject({
    method: 'POST',
    url: '/api/v1/imports',
    payload,
    headers: { ...headers, authorization: `Bearer ${b.token}` },
  });
  if (res.statusCode !== 202) throw new Error(`upload: ${res.statusCode} ${res.body}`);
  const id = JSON.parse(res.body).id as string;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const poll = await b.inject('GET', `/api/v1/imports/${id}`);
    if (poll.body.status === 'done' || poll.body.status === 'failed') return poll.body;
  }
}

export const bench: Bench = {
  name: 'import-contacts',
  description: `POST /api/v1/imports of a ${ROWS}-row German Excel CSV (2 custom fields, company by name), polled until done`,
  async run() {
    const file = germanContactsCsv(ROWS);
    const b = await benchApp();
    try {
      await defineFields(b);
      // while the import runs, another client keeps reading: how long does it wait at worst?
      const latencies: number[] = [];
      let importing = true;
      const reader = (async () => {
        while (importing) {
          const t0 = performance.now();
          await b.inject('GET', '/api/v1/contacts?limit=20');
          latencies.push(performance.now() - t0);
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
      })();
      const started = performance.now();
      const cpu = process.cpuUsage();
      const result = await importFile(b, file, MAPPING);
      const seconds = (performance.now() - started) / 1000;
      const used = process.cpuUsage(cpu);
      importing = false;
      await reader;
      latencies.sort((x, y) => x - y);
      if (result.status !== 'done' || result.created !== ROWS)
        throw new Error(`import did not create every row: ${JSON.stringify(result)}`);
      return {
        rows: ROWS,
        'file MB': Math.round(file.length / 1024 / 10.24) / 100,
        'wall s': Math.round(seconds * 100) / 100,
        'rows/s': Math.round(ROWS / seconds),
        // CPU time of this process: what the import costs, whatever else runs on the machine
        'cpu s': Math.round((used.user + used.system) / 10_000) / 100,
        'companies created': result.companiesCreated,
        'peak RSS MB': peakRssMb(),
        'list p50 ms (during)': Math.round(latencies[Math.floor(latencies.length / 2)] ?? 0),
        'list max ms (during)': Math.round(latencies.at(-1) ?? 0),
      };
    } finally {
      await b.close();
    }
  },
};
