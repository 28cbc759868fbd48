import PDFDocument from 'pdfkit';
import type { DocumentData } from './merge-data.ts';

const MM = 72 / 25.4;
const PAGE = { width: 210 * MM, height: 297 * MM };
const LEFT = 25 * MM;
const RIGHT = PAGE.width - 20 * MM;
const FOOTER_TOP = PAGE.height - 32 * MM;
const BODY_BOTTOM = FOOTER_TOP - 8 * MM;

const LABELS = {
  de: {
    number: 'Nummer',
    date: 'Datum',
    delivery: 'Leistungsdatum',
    contact: 'Ansprechpartner',
    due: 'Fällig bis',
    pos: 'Pos.',
    desc: 'Beschreibung',
    qty: 'Menge',
    unit: 'Einheit',
    price: 'Einzelpreis',
    disc: 'Rabatt',
    vat: 'USt.',
    total: 'Gesamt',
    net: 'Summe netto',
    gross: 'Gesamtbetrag',
    vatOn: 'USt. {rate} auf {net}',
    page: 'Seite {n} von {m}',
    vatId: 'USt-IdNr.',
    taxNo: 'Steuernr.',
    iban: 'IBAN',
    bic: 'BIC',
    corrects: 'Korrektur zu',
  },
  en: {
    number: 'Number',
    date: 'Date',
    delivery: 'Delivery date',
    contact: 'Contact',
    due: 'Due',
    pos: 'No.',
    desc: 'Description',
    qty: 'Qty',
    unit: 'Unit',
    price: 'Unit price',
    disc: 'Disc.',
    vat: 'VAT',
    total: 'Total',
    net: 'Net total',
    gross: 'Total amount',
    vatOn: 'VAT {rate} on {net}',
    page: 'Page {n} of {m}',
    vatId: 'VAT ID',
    taxNo: 'Tax no.',
    iban: 'IBAN',
    bic: 'BIC',
    corrects: 'Corrects',
  },
} as const;

// Columns of the line-item table (x from LEFT, width), right-aligned numbers.
const COLS = [
  { key: 'position', w: 10 * MM, align: 'left' },
  { key: 'description', w: 63 * MM, align: 'left' },
  { key: 'quantity', w: 14 * MM, align: 'right' },
  { key: 'unit', w: 13 * MM, align: 'left' },
  { key: 'unitPrice', w: 22 * MM, align: 'right' },
  { key: 'discount', w: 12 * MM, align: 'right' },
  { key: 'taxRate', w: 11 * MM, align: 'right' },
  { key: 'net', w: 20 * MM, align: 'right' },
] as const;

/** Characters the built-in Helvetica (WinAnsi) cannot show are replaced rather than printed as garbage. */
function printable(text: string): string {
  return text
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/[\u2010-\u2013]/g, '-')
    .replace(/[^\t\n\r\u0020-\u007e\u00a0-\u00ff€‚„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]/g, '?');
}

export interface PdfOptions {
  logo?: Buffer | null;
}

/**
 * Lays out a business document on A4 following DIN 5008 (form B): letterhead with logo, address window
 * with return line, information block, title, text blocks from the template, a line-item table that
 * breaks across pages with its header repeated, totals with VAT per rate, and a footer with company and
 * bank data plus page numbers on every page.
 */
export function renderPdf(data: DocumentData, body: string, opts: PdfOptions = {}): Promise<Buffer> {
  const L = LABELS[data.locale === 'en' ? 'en' : 'de'];
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 20 * MM, bottom: 0, left: LEFT, right: 20 * MM },
    bufferPages: true,
    info: {
      Title: `${data.document.title} ${data.document.number}`,
      Author: data.company.legalName || 'Kontor',
      Creator: 'Kontor',
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const text = (s: string, x: number, y: number, o: PDFKit.Mixins.TextOptions = {}) =>
    doc.text(printable(s), x, y, { lineBreak: true, ...o });

  // Letterhead
  if (opts.logo) {
    try {
      doc.image(opts.logo, RIGHT - 50 * MM, 12 * MM, { fit: [50 * MM, 20 * MM], align: 'right' });
    } catch {
      // an unreadable logo must not stop the document
    }
  }
  doc.font('Helvetica-Bold').fontSize(14);
  text(data.company.legalName, LEFT, 15 * MM, { width: 100 * MM });

  // Address window (DIN 5008 form B: 45 mm from the top, 85 mm wide)
  doc.font('Helvetica').fontSize(7).fillColor('#555');
  text(data.company.addressLine, LEFT, 47 * MM, { width: 85 * MM, underline: true });
  doc.fontSize(10).fillColor('#000');
  const recipient = [
    data.customer.companyName,
    data.customer.contactName,
    data.customer.street,
    `${data.customer.zip} ${data.customer.city}`.trim(),
    data.customer.country && data.customer.country !== 'DE' ? data.customer.country : '',
  ]
    .filter(Boolean)
    .join('\n');
  text(recipient, LEFT, 55 * MM, { width: 85 * MM });

  // Information block
  const info: [string, string][] = [
    [L.number, data.document.number],
    [L.date, data.document.date],
  ];
  if (data.document.deliveryDate) info.push([L.delivery, data.document.deliveryDate]);
  if (data.document.correctsNumber) info.push([L.corrects, data.document.correctsNumber]);
  if (data.document.kind === 'invoice' && data.document.dueDate) info.push([L.due, data.document.dueDate]);
  if (data.user.name) info.push([L.contact, data.user.name]);
  doc.fontSize(9);
  for (const [i, [k, v]] of info.entries()) {
    text(`${k}:`, 125 * MM, (50 + i * 5) * MM, { width: 28 * MM });
    text(v, 153 * MM, (50 + i * 5) * MM, { width: RIGHT - 153 * MM });
  }

  // Title and body
  doc.font('Helvetica-Bold').fontSize(14);
  text(`${data.document.title} ${data.document.number}`, LEFT, 100 * MM, { width: RIGHT - LEFT });
  doc.moveDown(0.8);

  const ensure = (height: number) => {
    if (doc.y + height > BODY_BOTTOM) {
      doc.addPage();
      doc.y = 25 * MM;
      return true;
    }
    return false;
  };

  const tableHeader = () => {
    doc.font('Helvetica-Bold').fontSize(8.5);
    let x = LEFT;
    const y = doc.y;
    const labels: Record<string, string> = {
      position: L.pos,
      description: L.desc,
      quantity: L.qty,
      unit: L.unit,
      unitPrice: L.price,
      discount: L.disc,
      taxRate: L.vat,
      net: L.total,
    };
    for (const c of COLS) {
      text(labels[c.key] as string, x, y, { width: c.w - 2, align: c.align });
      x += c.w;
    }
    doc.y = y + 12;
    doc
      .moveTo(LEFT, doc.y - 2)
      .lineTo(RIGHT, doc.y - 2)
      .lineWidth(0.5)
      .stroke();
    doc.font('Helvetica').fontSize(8.5);
  };

  const itemsTable = () => {
    ensure(40);
    tableHeader();
    for (const item of data.items) {
      const h = Math.max(doc.heightOfString(printable(item.description), { width: (COLS[1].w as number) - 2 }), 10) + 4;
      if (ensure(h)) tableHeader();
      const y = doc.y;
      let x = LEFT;
      for (const c of COLS) {
        text(String(item[c.key as keyof typeof item] ?? ''), x, y, { width: c.w - 2, align: c.align });
        x += c.w;
      }
      doc.y = y + h;
    }
    doc.moveTo(LEFT, doc.y).lineTo(RIGHT, doc.y).lineWidth(0.5).stroke();
    doc.y += 4;
  };

  const totalsBlock = () => {
    const rows: [string, string, boolean][] = [[L.net, data.totals.net, false]];
    for (const t of data.totals.taxes) rows.push([L.vatOn.replace('{rate}', t.rate).replace('{net}', t.net), t.tax, false]);
    rows.push([L.gross, data.totals.gross, true]);
    ensure(rows.length * 13 + 10);
    for (const [label, value, bold] of rows) {
      doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9.5);
      const y = doc.y;
      text(label, RIGHT - 95 * MM, y, { width: 65 * MM, align: 'right' });
      text(value, RIGHT - 30 * MM, y, { width: 30 * MM, align: 'right' });
      doc.y = y + 13;
    }
    if (data.totals.exemptNote) {
      doc.font('Helvetica').fontSize(8.5);
      text(data.totals.exemptNote, LEFT, doc.y + 2, { width: RIGHT - LEFT });
    }
    doc.moveDown(0.5);
  };

  doc.font('Helvetica').fontSize(10);
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length === 0) return;
    const s = paragraph.join('\n');
    doc.font('Helvetica').fontSize(10);
    ensure(doc.heightOfString(printable(s), { width: RIGHT - LEFT }));
    text(s, LEFT, doc.y, { width: RIGHT - LEFT });
    doc.moveDown(0.6);
    paragraph = [];
  };
  for (const raw of body.split(/\r?\n/)) {
    const line = raw.trimEnd();
    const directive = line.trim().toLowerCase();
    if (directive === '[[items]]') {
      flush();
      itemsTable();
    } else if (directive === '[[totals]]') {
      flush();
      totalsBlock();
    } else if (directive === '[[pagebreak]]') {
      flush();
      doc.addPage();
      doc.y = 25 * MM;
    } else if (line.startsWith('## ') || line.startsWith('# ')) {
      flush();
      doc.font('Helvetica-Bold').fontSize(line.startsWith('## ') ? 10.5 : 12);
      ensure(20);
      text(line.replace(/^#+ /, ''), LEFT, doc.y, { width: RIGHT - LEFT });
      doc.moveDown(0.3);
    } else if (line.trim() === '') flush();
    else paragraph.push(line);
  }
  flush();

  // Footer and page numbers on every page
  const range = doc.bufferedPageRange();
  const c = data.company;
  const cols = [
    [c.legalName, c.street, `${c.zip} ${c.city}`.trim()].filter(Boolean).join('\n'),
    [c.vatId ? `${L.vatId} ${c.vatId}` : '', c.taxNumber ? `${L.taxNo} ${c.taxNumber}` : ''].filter(Boolean).join('\n'),
    [c.bankName, c.iban ? `${L.iban} ${c.iban}` : '', c.bic ? `${L.bic} ${c.bic}` : ''].filter(Boolean).join('\n'),
  ];
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    doc.font('Helvetica').fontSize(7).fillColor('#444');
    doc.moveTo(LEFT, FOOTER_TOP).lineTo(RIGHT, FOOTER_TOP).lineWidth(0.3).stroke('#999');
    const w = (RIGHT - LEFT) / 3;
    for (const [j, col] of cols.entries()) text(col, LEFT + j * w, FOOTER_TOP + 2 * MM, { width: w - 3 * MM, height: 14 * MM });
    if (c.footer) text(c.footer, LEFT, FOOTER_TOP + 15 * MM, { width: RIGHT - LEFT, height: 6 * MM, ellipsis: true });
    text(L.page.replace('{n}', String(i + 1)).replace('{m}', String(range.count)), LEFT, PAGE.height - 10 * MM, {
      width: RIGHT - LEFT,
      align: 'right',
    });
    doc.fillColor('#000');
  }
  doc.end();
  return done;
}
