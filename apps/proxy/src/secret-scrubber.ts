/**
 * Replaces every configured secret in a text — raw, JSON-escaped or URL-encoded — with `[redacted]`.
 * Used on finished log lines and response bodies: a provider's error text may quote our request back
 * (URL, headers, body), and adapters pass that text on as the error message.
 */
export function createSecretScrubber(secrets: readonly string[]): (text: string) => string {
  const spellings = new Set<string>();
  for (const secret of secrets) {
    // Too short to be a real credential, and replacing it would mangle ordinary text.
    if (secret.length < 6) continue;
    spellings.add(secret);
    spellings.add(JSON.stringify(secret).slice(1, -1));
    spellings.add(encodeURIComponent(secret));
  }
  // Longest first, so a secret that contains another is replaced whole.
  const ordered = [...spellings].sort((a, b) => b.length - a.length);
  if (ordered.length === 0) return (text) => text;
  return (text) => {
    let result = text;
    for (const spelling of ordered)
      if (result.includes(spelling)) result = result.replaceAll(spelling, '[redacted]');
    return result;
  };
}
