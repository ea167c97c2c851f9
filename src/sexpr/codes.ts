/** Error codes of the s-expression reader (src/sexpr). */
export const SEXPR_CODES = {
  SEXPR_SYNTAX: {
    summary:
      'The text is not a well-formed s-expression (the format of KiCad files): an unclosed string or list, a stray ")", text after the end, or lists nested too deep.',
    fix: 'Open the file in KiCad and save it again, or fix the line the message names.',
  },
} as const;
