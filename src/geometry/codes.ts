/** Error codes of the geometry (land patterns with user overrides; an overrides file's content). */
export const GEOMETRY_CODES = {
  LAND_PATTERN_INVALID: {
    summary: 'The land-pattern parameters (after your overrides) give pads that overlap, have no size, or stand closer than the minimum copper gap.',
    fix: "Check the override values against the manufacturer's drawing: pad widths must leave a gap at the 0.4 mm pitch and the rows must not overlap.",
  },
  KICAD_BAD_OVERRIDES: {
    summary: 'The land-pattern overrides are not valid: an unknown parameter name, or a value out of range (lengths 0-50 mm, ratios 0-1).',
    fix: 'Use only the parameter names the message lists (the land-pattern parameters of src/geometry), lengths in mm, paste ratios from 0 to 1.',
  },
} as const;
