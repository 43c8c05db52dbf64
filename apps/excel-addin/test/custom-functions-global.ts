import { vi } from 'vitest';

// Stands in for the CustomFunctions global office.js defines inside Excel: errors keep their cell code.

export class FakeCellError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function stubCustomFunctions(): void {
  vi.stubGlobal('CustomFunctions', {
    Error: FakeCellError,
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A' },
  });
}
