/**
 * Where a number or a fact comes from: the one list of provenance kinds. A module that uses fewer
 * kinds narrows this type (`Extract<Provenance, 'catalog' | 'derived'>`), never writes its own union.
 *
 * - catalog: read from the catalog (a table, a drawing, a characteristic);
 * - derived: computed from catalog numbers (the linear dimension formula, reels from a quantity);
 * - inferred: a reading of the catalog the text implies but does not state;
 * - reference: a standard or tool convention (IPC-7351, KiCad's library rules);
 * - assumed: our design choice where the catalog is silent;
 * - override: given by the user in place of our value;
 * - input: the user's own input, as given.
 */
export type Provenance = 'catalog' | 'derived' | 'inferred' | 'reference' | 'assumed' | 'override' | 'input';
