import { type CellError, cellErrorFor } from './cell-error.js';

// The adapter between a search and an Excel cell: cancellation from Excel aborts our signal, and failures
// become CustomFunctions.Error (#VALUE!, #N/A) with a short message instead of a generic #VALUE!.

/** The part of CustomFunctions.CancelableInvocation we use. */
export interface CancelableInvocation {
  onCanceled?: (() => void) | undefined;
}

export function toCustomFunctionsError(error: CellError): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode[error.code], error.message);
}

export async function runInCell<T>(
  invocation: CancelableInvocation | undefined,
  proxyUrl: () => string,
  search: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  if (invocation) invocation.onCanceled = () => controller.abort();
  try {
    return await search(controller.signal);
  } catch (error) {
    throw toCustomFunctionsError(cellErrorFor(error, proxyUrl()));
  }
}
