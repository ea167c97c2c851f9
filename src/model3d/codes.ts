/** Codes of src/model3d (besides the part-number codes its inputs can raise). */
export const MODEL3D_CODES = {
  PAIR_ROLES: { summary: 'A mated pair needs a socket (AXE5…) and a header (AXE6…), in that order.', fix: 'Give the socket part number first, then the header, e.g. AXE540127 AXE640124.' },
  PAIR_PINS: { summary: 'Socket and header of a mated pair must have the same number of pins.', fix: 'Use a header with the socket\'s pin count (`a4s mate <socket>` lists them).' },
} as const;
