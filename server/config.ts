import { isIP } from 'node:net';
import path from 'node:path';

/**
 * Every setting Kontor reads from the environment, read once, validated and frozen.
 * A bad value stops start-up with a message naming the variable.
 */
export interface Config {
  /** PORT: TCP port to listen on (default 3000). */
  readonly port: number;
  /** HOST: interface to bind (default 0.0.0.0, so the LAN reaches it). */
  readonly host: string;
  /** KONTOR_DATA_DIR: folder for the SQLite file, uploads and documents (default ./data). */
  readonly dataDir: string;
  /** Derived: the SQLite database file inside dataDir. */
  readonly databaseFile: string;
  /** KONTOR_BACKUP_DIR: where backups are written and listed (default <dataDir>/backups). */
  readonly backupDir: string;
  /** KONTOR_SMTP_URL: smtp(s)://user:pass@host:port; mail is off when unset. */
  readonly smtpUrl: string | null;
  /** KONTOR_MAIL_FROM: sender address of outgoing mail (default kontor@localhost). */
  readonly mailFrom: string;
  /** KONTOR_SCHEDULER_TICK_SECONDS: how often the scheduler looks for due work (default 30). */
  readonly schedulerTickSeconds: number;
  /** KONTOR_PUBLIC_URL: the address users reach, used in e-mails and feed links. */
  readonly publicUrl: string;
  /** KONTOR_SESSION_HOURS: lifetime of a login session (default 12). */
  readonly sessionHours: number;
  /** KONTOR_TRUST_PROXY: true when behind a reverse proxy that sets X-Forwarded-For (default false). */
  readonly trustProxy: boolean;
  /** KONTOR_SECURE_COOKIES: mark cookies Secure (default: true when publicUrl is https). */
  readonly secureCookies: boolean;
  /** KONTOR_RATE_LIMIT_PER_MINUTE: API requests per client and minute (default 6000), a flood guard. */
  readonly rateLimitPerMinute: number;
  /** KONTOR_LOGIN_LIMIT_PER_MINUTE: failed logins per client and e-mail and minute (default 10). */
  readonly loginLimitPerMinute: number;
  /** KONTOR_FORM_LIMIT_PER_MINUTE: web-form submissions per client and form and minute (default 30). */
  readonly formLimitPerMinute: number;
  /**
   * KONTOR_WEBHOOK_ALLOW_PRIVATE: comma-separated IP addresses or CIDR ranges (e.g. 10.0.5.0/24,127.0.0.1)
   * that workflow webhooks may call although they are private, loopback or link-local (default none:
   * only public addresses are called, to prevent SSRF into the LAN).
   */
  readonly webhookAllowPrivate: readonly string[];
  /** LOG_LEVEL: pino level (default info). */
  readonly logLevel: string;
  /** NODE_ENV === 'production' */
  readonly production: boolean;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(`${name} must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(`${name} must be between ${min} and ${max}, got ${value}`);
  return value;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function url(name: string, raw: string, protocols: string[]): URL {
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a valid URL: "${redact(raw)}"`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(`${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
  }
  return parsed;
}

function redact(raw: string): string {
  return raw.replace(/\/\/[^@/]*@/, '//***@');
}

/** A DNS host name: dot-separated labels of letters, digits and inner hyphens. */
const HOST_NAME =
  /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

export function loadConfig(env: Env = process.env, cwd = process.cwd()): Config {
  const port = int(env, 'PORT', 3000, 0, 65535);
  const host = env.HOST?.trim() || '0.0.0.0';
  if (!isIP(host) && !HOST_NAME.test(host))
    throw new ConfigError(`HOST must be an IP address (e.g. 0.0.0.0 or 127.0.0.1) or a host name, not "${host}"`);
  const dataDir = path.resolve(cwd, env.KONTOR_DATA_DIR?.trim() || 'data');

  const smtpRaw = env.KONTOR_SMTP_URL?.trim() || null;
  if (smtpRaw) url('KONTOR_SMTP_URL', smtpRaw, ['smtp:', 'smtps:']);

  const publicUrlRaw = env.KONTOR_PUBLIC_URL?.trim() || `http://localhost:${port}`;
  const publicUrl = url('KONTOR_PUBLIC_URL', publicUrlRaw, ['http:', 'https:']).toString().replace(/\/$/, '');

  const mailFrom = env.KONTOR_MAIL_FROM?.trim() || 'kontor@localhost';
  if (!/^[^\s@<>]+@[^\s@<>]+$/.test(mailFrom) && !/^.+<[^\s@<>]+@[^\s@<>]+>$/.test(mailFrom)) {
    throw new ConfigError(`KONTOR_MAIL_FROM must be an e-mail address, got "${mailFrom}"`);
  }

  const logLevel = env.LOG_LEVEL?.trim() || 'info';
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  }

  const webhookAllowPrivate = (env.KONTOR_WEBHOOK_ALLOW_PRIVATE ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const entry of webhookAllowPrivate) {
    const [ip, bits, extra] = entry.split('/');
    const family = isIP(ip ?? '');
    const max = family === 6 ? 128 : 32;
    if (!family || extra !== undefined || (bits !== undefined && !(/^\d+$/.test(bits) && Number(bits) <= max)))
      throw new ConfigError(`KONTOR_WEBHOOK_ALLOW_PRIVATE must list IP addresses or CIDR ranges, got "${entry}"`);
  }

  return Object.freeze({
    port,
    host,
    dataDir,
    databaseFile: path.join(dataDir, 'kontor.db'),
    backupDir: path.resolve(cwd, env.KONTOR_BACKUP_DIR?.trim() || path.join(dataDir, 'backups')),
    smtpUrl: smtpRaw,
    mailFrom,
    schedulerTickSeconds: int(env, 'KONTOR_SCHEDULER_TICK_SECONDS', 30, 1, 3600),
    publicUrl,
    sessionHours: int(env, 'KONTOR_SESSION_HOURS', 12, 1, 24 * 30),
    trustProxy: bool(env, 'KONTOR_TRUST_PROXY', false),
    secureCookies: bool(env, 'KONTOR_SECURE_COOKIES', publicUrl.startsWith('https:')),
    rateLimitPerMinute: int(env, 'KONTOR_RATE_LIMIT_PER_MINUTE', 6000, 10, 1_000_000),
    loginLimitPerMinute: int(env, 'KONTOR_LOGIN_LIMIT_PER_MINUTE', 10, 1, 10_000),
    formLimitPerMinute: int(env, 'KONTOR_FORM_LIMIT_PER_MINUTE', 30, 1, 100_000),
    webhookAllowPrivate: Object.freeze(webhookAllowPrivate),
    logLevel,
    production: env.NODE_ENV === 'production',
  });
}
