// The add-in's one error for input the user must fix (a cell argument, an option, a pane field). Cells show it
// as #VALUE! with its message; the pane shows it next to the form. `field` is the name as the user wrote it
// (`moq`, `keyword`), so the message points at what to change.

export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    /** The argument, option or form field at fault, spelled as the user wrote it. */
    readonly field: string,
    message: string,
  ) {
    super(message);
  }

  /** `option "moq": "2.5" is not a whole number` */
  static option(written: string, detail: string): InputError {
    return new InputError(written, `option "${written}": ${detail}`);
  }
}
