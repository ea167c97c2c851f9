/** Error codes of the selection filters (CLI options, API query parameters, page URL). */
export const SELECT_CODES = {
  BAD_OPTION: {
    summary: 'A filter or option has a value it does not accept (e.g. --pins abc, ?role=plug).',
    fix: 'Use a value the message lists; `a4s parts --help` and /api/openapi.json list every filter.',
  },
  UNKNOWN_SPEC_ITEM: {
    summary: 'Nothing in the catalog matches the item asked of `a4s spec`.',
    fix: 'Use a characteristic id (listed by `a4s spec`), a rule id or topic, or a section name.',
  },
} as const;
