/**
 * How names compare everywhere (table sorts, candidate lists, the representatives board): accents
 * and case are equal, numbers compare as numbers ("Agent 9" before "Agent 10").
 */
export const nameCollator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
