/** Codes of src/model3d and src/drawing and their CLI commands (model, drawing), besides the part-number codes. */
export const MODEL3D_CODES = {
  PAIR_ROLES: {
    summary: 'A mated pair needs a socket (AXE5…) and a header (AXE6…), in that order.',
    fix: 'Give the socket part number first, then the header, e.g. AXE540127 AXE640124.',
  },
  PAIR_PINS: {
    summary: 'Socket and header of a mated pair must have the same number of pins.',
    fix: "Use a header with the socket's pin count (`a4s mate <socket>` lists them).",
  },
  MODEL_SHAPE_INVALID: {
    summary:
      'With the land-pattern overrides given, the 3D model has no solid shape: a body without width or height, a pad too small to leave a foot (feet are the pads less 0.05 mm on each side), or a socket body too small for the cavity the header goes into.',
    fix: "Check the overrides against the manufacturer's drawing: pads over 0.1 mm wide and long, body width and height above 0, a socket body wider than the header (2.0 mm) and taller than 0.15 mm.",
  },
  OUTPUT_WRITE_FAILED: {
    summary:
      'An output could not be written: standard output (disk full, e.g. > /dev/full; a closed pipe is not an error) or the file given with -o (permissions, missing folder, disk full, a symbolic link, which is never written through).',
    fix: 'Check the path and its folder and the free space; give -o a plain file, not a link.',
  },
} as const;
