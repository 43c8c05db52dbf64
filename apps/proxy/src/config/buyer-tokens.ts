import type { ProxyConfigInput } from './config-schema.js';

/** One token the add-in may present, and whom it stands for. */
export interface BuyerToken {
  /** `alice` for `alice:<token>`; `token-2` for the second entry when it has no name. */
  name: string;
  token: string;
  /** Paid calls this buyer may cause per UTC day; null: only the team's provider budgets apply. */
  dailyCalls: number | null;
}

const NAMED = /^([A-Za-z0-9][A-Za-z0-9_.-]{0,39}):(.+)$/;

/**
 * `YUANTOU_TOKENS` entries `name:token` (or plain `token`) and the file's `{ name, token, dailyCalls }`, with
 * `YUANTOU_TOKEN_DAILY_CALLS=alice:200` on top. A plain token whose text happens to start with `word:` reads as
 * named; such a token must be written `name:token`. Problems name the setting and the buyer, never the token.
 */
export function resolveBuyerTokens(
  input: Pick<ProxyConfigInput, 'tokens' | 'tokenDailyCalls'>,
  problems: string[],
): BuyerToken[] {
  const buyers = (input.tokens ?? []).map((entry, i): BuyerToken => {
    if (typeof entry !== 'string') return { ...entry, dailyCalls: entry.dailyCalls ?? null };
    const named = NAMED.exec(entry);
    return named
      ? { name: named[1]!, token: named[2]!, dailyCalls: null }
      : { name: `token-${i + 1}`, token: entry, dailyCalls: null };
  });
  const seen = new Set<string>();
  for (const [i, buyer] of buyers.entries()) {
    if (buyer.token.length < 16)
      problems.push(`tokens.${i}: ${buyer.name}'s token must be at least 16 characters`);
    if (seen.has(buyer.name)) problems.push(`tokens.${i}: the buyer name ${buyer.name} is used twice`);
    seen.add(buyer.name);
  }
  for (const [name, calls] of Object.entries(input.tokenDailyCalls ?? {})) {
    const buyer = buyers.find((b) => b.name === name);
    if (buyer) buyer.dailyCalls = calls;
    else problems.push(`YUANTOU_TOKEN_DAILY_CALLS: ${name} is not a named token in YUANTOU_TOKENS`);
  }
  return buyers;
}
