import { ImageSearchBody, SearchParams } from '@yuantou/core';
import { InputError } from '../cells/input-error.js';
import type { WrittenOption } from '../cells/option-reader.js';

// One validation for every search the add-in sends, from a cell or from the pane: the user's options are
// checked by core's own request schemas (the ones the proxy and createClient use), and the first problem
// becomes an InputError naming the option as the user wrote it. Only reading and aliases are the add-in's.

export type SearchKind = 'suppliers' | 'products' | 'image';

export type SearchRequest =
  | { kind: 'suppliers' | 'products'; params: SearchParams }
  | { kind: 'image'; body: ImageSearchBody };

export interface SearchInput {
  kind: SearchKind;
  /** The keyword, or the image link for `image`. */
  subject: string;
  /** How the subject is called where the user typed it: `keyword`, `imageUrl`. */
  subjectName: string;
  options: readonly WrittenOption[];
  pageSize: number;
  /**
   * `image` only: the buyer's own photo (the pane's paste, drop or file), sent as `imageBase64` instead of the
   * subject as `imageUrl`; the subject may then be empty.
   */
  imageBase64?: string;
}

type Issue = NonNullable<ReturnType<typeof SearchParams.safeParse>['error']>['issues'][number];

const show = (value: unknown) => `"${String(value ?? '')}"`;

/** A zod issue in words a spreadsheet user understands; the option name is added by the caller. */
function describe(issue: Issue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_value':
      return `${show(value)} is not one of ${issue.values.map(String).join(', ')}`;
    case 'invalid_type':
      if (issue.expected === 'int') return `${show(value)} is not a whole number`;
      if (issue.expected === 'number') return `${show(value)} is not a number`;
      if (issue.expected === 'boolean') return `${show(value)} is not yes/no`;
      return issue.message;
    case 'too_small':
      if (issue.origin === 'string') return 'needs a value';
      if (issue.origin === 'array') return 'needs at least one value';
      return `${show(value)} must be at least ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return `is longer than ${issue.maximum} characters`;
      return `${show(value)} must be at most ${issue.maximum}`;
    default:
      return issue.message;
  }
}

/** `TMAPI, Demo` → `tmapi,demo` when those are the enum's spellings; anything else unchanged. */
function matchCase(value: string, allowed: readonly unknown[]): string {
  const byLower = new Map(allowed.map((a) => [String(a).toLowerCase(), String(a)]));
  return value
    .split(',')
    .map((part) => byLower.get(part.trim().toLowerCase()) ?? part)
    .join(',');
}

export function validateSearch(input: SearchInput): SearchRequest {
  const photo = input.kind === 'image' ? input.imageBase64 : undefined;
  const subject = photo ?? input.subject.trim();
  const subjectKey = photo !== undefined ? 'imageBase64' : input.kind === 'image' ? 'imageUrl' : 'q';
  if (subject === '') throw new InputError(input.subjectName, `${input.subjectName} must not be empty`);

  const values: Record<string, unknown> = {};
  const written = new Map<string, string>();
  for (const option of input.options) {
    values[option.key] = option.value;
    written.set(option.key, option.written);
  }
  const schema = input.kind === 'image' ? ImageSearchBody : SearchParams;

  // Each round either succeeds, throws, or fixes the case of one enum value (so at most one per option).
  for (let round = 0; round <= input.options.length; round++) {
    const result = schema.safeParse({ ...values, [subjectKey]: subject, pageSize: input.pageSize });
    if (result.success) {
      for (const option of input.options) {
        // A name without a value ("city") is a flag only where the schema reads it as one.
        const data = result.data as Record<string, unknown>;
        if (data[option.key] === undefined) throw InputError.option(option.written, 'needs a value');
      }
      return input.kind === 'image'
        ? { kind: 'image', body: result.data as ImageSearchBody }
        : { kind: input.kind, params: result.data as SearchParams };
    }
    const issue = result.error.issues[0]!;
    const key = String(issue.path[0] ?? '');
    const value = values[key];
    if (issue.code === 'invalid_value' && typeof value === 'string') {
      const fixed = matchCase(value, issue.values);
      if (fixed !== value) {
        values[key] = fixed;
        continue;
      }
    }
    if (key === subjectKey) {
      const detail =
        photo !== undefined
          ? `is not a picture the proxy takes (${issue.message})`
          : input.kind === 'image'
            ? 'must be an http(s) link'
            : describe(issue, subject);
      throw new InputError(input.subjectName, `${input.subjectName} ${detail}`);
    }
    const name = written.get(key);
    if (name === undefined) throw new InputError(key, `${key}: ${issue.message}`);
    throw InputError.option(name, describe(issue, value));
  }
  throw new InputError('options', 'options could not be read');
}
