// Kept free of zod so ranking (which compares levels) does not pull the schema library into a bundle that
// only ranks: `rankSuppliers` alone must stay small for browser consumers.

/** 1688 integrity levels, best first. `4A`/`3A` spellings are normalised to letters. */
export const CREDIT_LEVELS = ['AAAAA', 'AAAA', 'AAA', 'AA', 'A', 'B', 'C'] as const;
