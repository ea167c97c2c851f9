/**
 * Error codes of a catalog edition given by the user (`--catalog <file>`, `A4S_CATALOG`,
 * `loadSeries`): the built-in catalog is validated at build time and never reports these.
 */
export const CATALOG_CODES = {
  CATALOG_INVALID: {
    summary:
      'The catalog edition given (--catalog, A4S_CATALOG, loadSeries) is not a catalog: not JSON, a field the schema refuses, or a part number or inspection pattern that does not follow its own part-number grammar (partNumberGrammar.form). The message names each field by its path.',
    fix: 'Correct the fields named (path: what is wrong); data/a4s.catalog.json is the built-in edition to start from (README, "A catalog edition").',
  },
  CATALOG_UNREADABLE: {
    summary:
      'The catalog file given (--catalog, A4S_CATALOG) cannot be read: missing, a folder, no permission, not UTF-8, or larger than a catalog can be (4 MiB).',
    fix: 'Give the path of the JSON file of the edition (relative to the current folder).',
  },
} as const;
