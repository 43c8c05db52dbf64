/** A request parameter as callers hold it; each signer documents how it turns one into text. */
export type ParamValue = string | number | boolean | null | undefined;

export type Params = Readonly<Record<string, ParamValue>>;

/**
 * What every signer returns. `stringToSign` is the canonical text that was signed **without the secret**,
 * so it can be logged when a provider rejects a signature.
 */
export interface SignatureResult {
  signature: string;
  stringToSign: string;
}
