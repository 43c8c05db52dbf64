/** A GET provider's parameters: names to scalar values, in the order they are sent. */
export type QueryParams = Record<string, string | number | boolean>;

/** The entries whose value is set, in their order: a provider must never receive `undefined` as text. */
export function definedParams(
  params: Record<string, string | number | boolean | undefined | null>,
): QueryParams {
  const defined: QueryParams = {};
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== null) defined[key] = value;
  return defined;
}
