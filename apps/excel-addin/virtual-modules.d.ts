declare module 'virtual:custom-functions-associate' {
  /** The ids in functions.json, in order. */
  export const associatedIds: string[];
  /** Registers every @customfunction with Excel; false in preview mode (no CustomFunctions global). */
  export function associateCustomFunctions(): boolean;
}

/** The build's custom-functions namespace (ADDIN_NAMESPACE, '' for none), defined by vite.config.ts. */
declare const __ADDIN_NAMESPACE__: string;
