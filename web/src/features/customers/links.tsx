import { Anchor, Text } from '@mantine/core';

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * A website as a safe link target: only http(s), never javascript:, data: or the like.
 * "example.de" becomes https://example.de; anything else answers null and is shown as plain text.
 */
export function safeWebUrl(value: string | null | undefined): string | null {
  const text = value?.trim();
  if (!text) return null;
  const candidate = SCHEME.test(text) ? text : `https://${text}`;
  try {
    const url = new URL(candidate);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** A phone number as a tel: link; the target keeps only digits and a leading +. */
export function phoneHref(phone: string): string | null {
  const digits = phone.trim().replace(/(?!^\+)[^\d]/g, '');
  return /\d{3,}/.test(digits) ? `tel:${digits}` : null;
}

export function PhoneLink({ phone }: { phone: string | null | undefined }) {
  if (!phone) return null;
  const href = phoneHref(phone);
  return href ? (
    <Anchor href={href} size="sm" style={{ whiteSpace: 'nowrap' }}>
      {phone}
    </Anchor>
  ) : (
    <Text span size="sm">
      {phone}
    </Text>
  );
}

/** An e-mail address as a mailto: link; in tables it stays on one line, on cards it may wrap. */
export function EmailLink({ email, wrap = false }: { email: string | null | undefined; wrap?: boolean }) {
  if (!email) return null;
  return (
    <Anchor
      href={`mailto:${encodeURIComponent(email).replace(/%40/g, '@')}`}
      size="sm"
      style={wrap ? { overflowWrap: 'anywhere' } : { whiteSpace: 'nowrap' }}
    >
      {email}
    </Anchor>
  );
}

export function WebsiteLink({ url }: { url: string | null | undefined }) {
  if (!url) return null;
  const href = safeWebUrl(url);
  if (!href) {
    return (
      <Text span size="sm">
        {url}
      </Text>
    );
  }
  return (
    <Anchor href={href} target="_blank" rel="noopener noreferrer" size="sm" style={{ wordBreak: 'break-all' }}>
      {url.replace(/^https?:\/\//i, '').replace(/\/$/, '')}
    </Anchor>
  );
}
