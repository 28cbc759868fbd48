import type { TFunction } from 'i18next';
import { ApiError } from '../api/client.ts';

/** A short, translated sentence for what went wrong, chosen by the problem's code and status. */
export function errorSummary(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return t('errors.unexpected');
  if (error.code === 'network_error') return t('errors.network');
  if (error.code === 'invalid_credentials') return t('errors.invalidCredentials');
  if (error.code === 'csrf_failed') return t('errors.csrf');
  switch (error.status) {
    case 400:
      return t('errors.validation');
    case 401:
      return t('errors.unauthorized');
    case 403:
      return t('errors.forbidden');
    case 404:
      return t('errors.notFound');
    case 409:
      return t('errors.conflict');
    case 412:
      return t('errors.versionMismatch');
    case 413:
      return t('errors.tooLarge');
    case 422:
      return t('errors.unprocessable');
    case 429:
      return t('errors.rateLimited');
    default:
      return error.status >= 500 ? t('errors.server') : t('errors.unexpected');
  }
}

const FIELD_MESSAGES: [RegExp, (t: TFunction, m: RegExpExecArray) => string][] = [
  [/already in use/i, (t) => t('validation.inUse')],
  [/is required/i, (t) => t('validation.required')],
  [/format "email"/i, (t) => t('validation.email')],
  [/fewer than (\d+) characters/i, (t, m) => t('validation.minLength', { count: Number(m[1]) })],
  [/more than (\d+) characters/i, (t, m) => t('validation.maxLength', { count: Number(m[1]) })],
  [/last active administrator/i, (t) => t('validation.lastAdmin')],
  [/current password is wrong/i, (t) => t('profile.currentPasswordWrong')],
  [/unknown team/i, (t) => t('validation.unknownTeam')],
  [/unknown or inactive user/i, (t) => t('validation.inactiveUser')],
];

/** Server field messages are English; the common ones are shown in the user's language. */
export function translateFieldMessage(t: TFunction, message: string): string {
  for (const [pattern, translate] of FIELD_MESSAGES) {
    const match = pattern.exec(message);
    if (match) return translate(t, match);
  }
  return message;
}

/** Field errors of an API error, translated and keyed by field path (for a form's setErrors). */
export function fieldErrorsOf(t: TFunction, error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(error.fieldErrors())) out[path] = translateFieldMessage(t, message);
  return out;
}
