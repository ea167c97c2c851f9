/** Error codes of the selection filters (CLI options, API query parameters, page URL). */
export const SELECT_CODES = {
  BAD_OPTION: { summary: 'A filter or option has a value it does not accept (e.g. --pins abc, ?role=plug).', fix: 'Use a value the message lists; `a4s parts --help` and /api/openapi.json list every filter.' },
} as const;
