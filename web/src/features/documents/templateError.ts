import { ApiError } from '../../api/client.ts';

export interface TemplateError {
  /** 1-based line of the source, when Handlebars names one. */
  line: number | null;
  message: string;
}

/**
 * The Handlebars message of a refused template (a 422 on source) with its line: "Parse error on line 3:"
 * for syntax errors, "… - 3:14" for unknown fields and helpers. Other errors are not template errors.
 */
export function templateErrorOf(error: unknown): TemplateError | null {
  if (!(error instanceof ApiError) || error.status !== 422) return null;
  const message = error.errors.find((e) => e.path === 'source')?.message ?? error.detail;
  const line = /on line (\d+)/.exec(message)?.[1] ?? / - (\d+):\d+\s*$/.exec(message)?.[1];
  return { line: line ? Number(line) : null, message };
}
