/** Error codes of the geometry (land patterns with user overrides). */
export const GEOMETRY_CODES = {
  LAND_PATTERN_INVALID: {
    summary: 'The land-pattern parameters (after your overrides) give pads that overlap, have no size, or stand closer than the minimum copper gap.',
    fix: "Check the override values against the manufacturer's drawing: pad widths must leave a gap at the 0.4 mm pitch and the rows must not overlap.",
  },
} as const;
