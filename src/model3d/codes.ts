/** Codes of src/model3d and src/drawing and their CLI commands (model, drawing), besides the part-number codes. */
export const MODEL3D_CODES = {
  PAIR_ROLES: { summary: 'A mated pair needs a socket (AXE5…) and a header (AXE6…), in that order.', fix: 'Give the socket part number first, then the header, e.g. AXE540127 AXE640124.' },
  PAIR_PINS: { summary: 'Socket and header of a mated pair must have the same number of pins.', fix: 'Use a header with the socket\'s pin count (`a4s mate <socket>` lists them).' },
  OUTPUT_WRITE_FAILED: { summary: 'The model or drawing file given with -o could not be written (permissions, missing folder, disk full).', fix: 'Check the path and its folder, or leave out -o to write to standard output.' },
} as const;
