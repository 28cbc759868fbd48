import type { Page } from 'playwright-core';

// Small helpers to drive Kontor's Mantine UI the way a person does: by labels, roles and visible text.

export async function waitForPath(p: Page, pathname: string) {
  await p.waitForURL((url) => url.pathname === pathname);
}

export async function heading(p: Page, name: string) {
  await p.getByRole('heading', { level: 1, name, exact: true }).waitFor();
}

export type Scope = Pick<Page, 'getByLabel' | 'getByRole'>;

/** An input by its label; required fields carry a visual " *" in the label text. */
export function field(scope: Scope, label: string) {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return scope.getByLabel(new RegExp(`^${escaped}( \\*)?$`));
}

/** Picks an option of a Mantine Select inside `scope` (the options live in a portal on the page). */
export async function choose(p: Page, scope: Scope, label: string, option: string) {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await p.getByRole('option', { name: option, exact: true }).click();
}

export async function login(p: Page, email: string, password: string) {
  await field(p, 'E-Mail').fill(email);
  await field(p, 'Passwort').fill(password);
  await p.getByRole('button', { name: 'Anmelden' }).click();
}

export async function navLabels(p: Page): Promise<string[]> {
  return p.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link').allInnerTexts();
}
