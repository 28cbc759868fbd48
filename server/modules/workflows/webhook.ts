import { createHmac, randomBytes } from 'node:crypto';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net, { BlockList } from 'node:net';

/**
 * Outgoing webhook calls that cannot be turned against the LAN (SECURITY.md, SSRF): only http(s), every
 * resolved address must be public, the socket connects to exactly the address that was checked (the
 * lookup is ours, so DNS rebinding between check and connect is impossible), redirects are not
 * followed, the answer is cut off at a size limit and the whole call at a timeout.
 */

// Separate lists: a BlockList also matches IPv4 addresses against IPv6 rules (as ::ffff:a.b.c.d).
const BLOCKED4 = new BlockList();
const BLOCKED6 = new BlockList();
for (const [net4, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  BLOCKED4.addSubnet(net4, bits, 'ipv4');
for (const [net6, bits] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['::ffff:0:0', 96], // IPv4-mapped
  ['::', 96], // IPv4-compatible (deprecated)
  ['64:ff9b::', 96], // NAT64 (reaches IPv4 targets)
  ['64:ff9b:1::', 48],
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4 (embeds IPv4)
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
] as const)
  BLOCKED6.addSubnet(net6, bits, 'ipv6');

export class WebhookError extends Error {
  constructor(
    message: string,
    /** false when trying again cannot help (refused target, 4xx answer) */
    readonly retryable = true,
  ) {
    super(message);
  }
}

export interface WebhookPolicy {
  /** IPs/CIDRs allowed although private (KONTOR_WEBHOOK_ALLOW_PRIVATE) */
  allowPrivate: readonly string[];
}

function allowList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [ip, bits] = entry.split('/') as [string, string | undefined];
    const type = net.isIP(ip) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(ip, type);
    else list.addSubnet(ip, Number(bits), type);
  }
  return list;
}

/** True when the address may be called: public, or explicitly allowed by the admin. */
export function addressAllowed(address: string, policy: WebhookPolicy): boolean {
  const family = net.isIP(address);
  if (!family) return false;
  const type = family === 6 ? 'ipv6' : 'ipv4';
  if (allowList(policy.allowPrivate).check(address, type)) return true;
  return !(type === 'ipv6' ? BLOCKED6 : BLOCKED4).check(address, type);
}

/** Parses and checks a webhook URL's form (not its addresses). */
export function parseWebhookUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new WebhookError('not a valid URL', false);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new WebhookError('only http and https URLs', false);
  if (url.username || url.password) throw new WebhookError('credentials in the URL are not allowed', false);
  return url;
}

const hostOf = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, '$1');

/** Resolves the URL's host and refuses it unless every address is allowed; answers the checked addresses. */
export async function resolveTarget(url: URL, policy: WebhookPolicy): Promise<{ address: string; family: number }[]> {
  const host = hostOf(url);
  const addresses = net.isIP(host)
    ? [{ address: host, family: net.isIP(host) }]
    : await dns.promises.lookup(host, { all: true, verbatim: true }).catch(() => {
        throw new WebhookError(`cannot resolve ${host}`);
      });
  if (addresses.length === 0) throw new WebhookError(`cannot resolve ${host}`);
  for (const a of addresses)
    if (!addressAllowed(a.address, policy))
      throw new WebhookError(`refused: ${host} resolves to a private, loopback or link-local address (${a.address})`, false);
  return addresses;
}

export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString('base64url')}`;
}

/** X-Kontor-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">. */
export function signature(secret: string, unixSeconds: number, body: string): string {
  const v1 = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${v1}`;
}

export interface WebhookResult {
  status: number;
  body: string;
  ms: number;
}

const MAX_ANSWER = 64 * 1024;

/** POSTs JSON to a checked target. Throws WebhookError for refusals, network errors, timeouts and non-2xx answers. */
export async function postWebhook(
  rawUrl: string,
  body: string,
  headers: Record<string, string>,
  opts: WebhookPolicy & { timeoutMs: number },
): Promise<WebhookResult> {
  const url = parseWebhookUrl(rawUrl);
  const [target] = await resolveTarget(url, opts);
  if (!target) throw new WebhookError('no address');
  const started = Date.now();
  const mod = url.protocol === 'https:' ? https : http;
  return new Promise<WebhookResult>((resolve, reject) => {
    const req = mod.request(
      url,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          'user-agent': 'Kontor-Webhook/1',
          ...headers,
        },
        // Connect to the address that was checked, never to a second resolution of the name.
        lookup: (_host, options, cb) => {
          if ((options as { all?: boolean }).all)
            (cb as (e: null, a: { address: string; family: number }[]) => void)(null, [target]);
          else cb(null, target.address, target.family);
        },
        timeout: opts.timeoutMs,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size <= MAX_ANSWER) chunks.push(chunk);
          else res.destroy();
        });
        const done = () => {
          const status = res.statusCode ?? 0;
          const text = Buffer.concat(chunks).toString('utf8').slice(0, 2000);
          const result = { status, body: text, ms: Date.now() - started };
          if (status >= 200 && status < 300) resolve(result);
          else if (status >= 300 && status < 400)
            reject(new WebhookError(`answered ${status} (redirects are not followed)`, false));
          else reject(new WebhookError(`answered ${status}`, status >= 500 || status === 408 || status === 429));
        };
        res.on('end', done);
        res.on('close', () => (size > MAX_ANSWER ? done() : undefined));
        res.on('error', (err) => reject(new WebhookError(err.message)));
      },
    );
    const timer = setTimeout(() => req.destroy(new WebhookError(`no answer within ${opts.timeoutMs} ms`)), opts.timeoutMs);
    req.on('timeout', () => req.destroy(new WebhookError(`no answer within ${opts.timeoutMs} ms`)));
    req.on('error', (err) => reject(err instanceof WebhookError ? err : new WebhookError(err.message)));
    req.on('close', () => clearTimeout(timer));
    req.end(body);
  });
}
