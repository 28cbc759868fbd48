import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { PROJECT_ROOT } from '../../core/paths.ts';
import type { Locale } from '../../db/schema.ts';

// E-mail templates live in templates/email/<name>.<locale>.hbs: the first line is "Subject: …",
// the rest is the plain-text body. Compiled strictly, without HTML escaping (plain text).
const cache = new Map<string, HandlebarsTemplateDelegate>();
const hbs = Handlebars.create();

function compile(file: string): HandlebarsTemplateDelegate {
  let tpl = cache.get(file);
  if (!tpl) {
    tpl = hbs.compile(fs.readFileSync(file, 'utf8'), { strict: true, noEscape: true });
    cache.set(file, tpl);
  }
  return tpl;
}

export function renderEmail(name: string, locale: Locale, data: Record<string, unknown>): { subject: string; text: string } {
  const dir = path.join(PROJECT_ROOT, 'templates', 'email');
  const file = [path.join(dir, `${name}.${locale}.hbs`), path.join(dir, `${name}.de.hbs`)].find((f) => fs.existsSync(f));
  if (!file) throw new Error(`e-mail template ${name} is missing`);
  const out = compile(file)(data, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
  const [first, ...rest] = out.split('\n');
  const subject = first?.replace(/^Subject:\s*/, '').trim() ?? name;
  return { subject, text: rest.join('\n').replace(/^\n+/, '') };
}
