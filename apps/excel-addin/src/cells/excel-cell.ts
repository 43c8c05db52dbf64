import { supports } from '../runtime/requirements.js';
import { type CellError, cellErrorFor, type ProxyContext } from './cell-error.js';
import { refreshSwitch } from './freshness.js';

// The adapter between a search and an Excel cell: cancellation from Excel aborts our signal, a formula still
// being typed gets a hint instead of a paid call, and failures become CustomFunctions.Error (#VALUE!, #N/A)
// with a short message instead of a generic #VALUE!.

/** The part of CustomFunctions.CancelableInvocation we use. */
export interface CancelableInvocation {
  onCanceled?: (() => void) | undefined;
  /**
   * CustomFunctionsRuntime 1.5: "true while the user is still typing the formula" (Excel's value preview).
   * Typed `string` in @types/custom-functions-runtime, a boolean at run time; both are read.
   */
  isInValuePreview?: boolean | string | undefined;
}

/** What a cell shows while its formula is previewed: no proxy call (each call may cost money). */
export const VALUE_PREVIEW: string[][] = [['YUANTOU: press Enter to search 1688']];

/** A cancelled cell: Excel discards the value, but it must not read as an unexpected failure. */
export const CANCELLED: CellError = { code: 'notAvailable', message: 'cancelled' };

export function toCustomFunctionsError(error: CellError): CustomFunctions.Error | Error {
  // Before CustomFunctionsRuntime 1.2 there is no CustomFunctions.Error: a plain Error still shows #VALUE!.
  const hasCellErrors =
    typeof CustomFunctions !== 'undefined' &&
    typeof CustomFunctions.Error === 'function' &&
    (supports('cellErrors') || typeof Office === 'undefined' || !Office.context?.requirements);
  return hasCellErrors
    ? new CustomFunctions.Error(CustomFunctions.ErrorCode[error.code], error.message)
    : new Error(error.message);
}

const inValuePreview = (invocation: CancelableInvocation | undefined) =>
  invocation?.isInValuePreview === true || invocation?.isInValuePreview === 'true';

export async function runInCell<T, P = string[][]>(
  invocation: CancelableInvocation | undefined,
  context: () => ProxyContext,
  search: (signal: AbortSignal) => Promise<T>,
  /** What the cell shows while the formula is still being typed (a scalar function cannot spill the hint). */
  preview: () => P = () => VALUE_PREVIEW as P,
): Promise<T | P> {
  if (inValuePreview(invocation)) return preview();
  const controller = new AbortController();
  if (invocation) invocation.onCanceled = () => controller.abort();
  try {
    // Counted for the pane's refresh progress ("n of N") while a refresh is open (cells/freshness.ts).
    return await refreshSwitch.track(() => search(controller.signal));
  } catch (error) {
    if (controller.signal.aborted) throw toCustomFunctionsError(CANCELLED);
    throw toCustomFunctionsError(cellErrorFor(error, context()));
  }
}

/**
 * One failed row of a spill: a real Excel error value in its cell, so `ISERROR`, `IFERROR` and `IFNA` work
 * ("errors inside a returned array are per cell (`CustomFunctions.Error` in the array)", Microsoft's custom
 * functions docs). Before CustomFunctionsRuntime 1.2 there is no CustomFunctions.Error: the row then says why in
 * text, `⚠ message`, as before.
 */
export function errorCell(error: CellError): CustomFunctions.Error | string {
  const made = toCustomFunctionsError(error);
  return made instanceof Error &&
    !(typeof CustomFunctions !== 'undefined' && made instanceof CustomFunctions.Error)
    ? `⚠ ${error.message}`
    : made;
}
