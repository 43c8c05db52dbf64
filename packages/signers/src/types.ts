/** A request parameter as callers hold it; each signer documents how it turns one into text. */
export type ParamValue = string | number | boolean | null | undefined;

/** The parameters to sign, by name; `null`/`undefined` values are dropped by every signer (never sent). */
export type Params = Readonly<Record<string, ParamValue>>;

/**
 * What every signer returns. `stringToSign` is the canonical text that was signed **without the secret**,
 * so it can be logged when a provider rejects a signature.
 */
export interface SignatureResult {
  /** The signature to send, as the provider expects it (upper-case hex for every signer here). */
  signature: string;
  /** The canonical text that was signed, without the secret: safe to log. */
  stringToSign: string;
}
