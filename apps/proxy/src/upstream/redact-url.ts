/**
 * The URL as it may appear in logs: origin and path only. Some providers carry their key, secret or
 * signature in the query string (Onebound `key`/`secret`, 1688 `_aop_signature`), so it is dropped whole,
 * as are user info and fragment.
 */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    // Not a URL we can parse: keep nothing after the first `?` or `#`, and nothing before an `@`.
    const withoutQuery = url.split(/[?#]/, 1)[0] ?? '';
    return withoutQuery.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, '$1');
  }
}
