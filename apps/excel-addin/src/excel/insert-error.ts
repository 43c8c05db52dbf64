// Why "Insert into sheet" did not write anything: the Excel layer's one error. `kind` lets the pane offer
// the way out (a new sheet when the target is taken).

export type InsertErrorKind = 'empty' | 'unsupported' | 'multiArea' | 'notEmpty' | 'overlap';

export class InsertError extends Error {
  override readonly name = 'InsertError';
  constructor(
    readonly kind: InsertErrorKind,
    message: string,
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause });
  }

  /** True when inserting on a new sheet would work instead. */
  get offerNewSheet(): boolean {
    return this.kind === 'notEmpty' || this.kind === 'overlap' || this.kind === 'multiArea';
  }
}
