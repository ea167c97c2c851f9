/**
 * Codes of src/verify (`a4s verify-footprint`): input errors (the file cannot be read as a KiCad
 * footprint, or the part cannot be told: exit code 2) and findings (the footprint differs from the
 * catalog model: exit code 1). Stable: tests, the HTTP API and users' scripts match on them.
 */
export const VERIFY_CODES = {
  FOOTPRINT_SYNTAX: {
    summary: 'The file is not a well-formed KiCad s-expression file.',
    fix: 'Give a .kicad_mod footprint file (KiCad 5 to 9); check that it is complete (parentheses balanced).',
  },
  FOOTPRINT_NOT_FOOTPRINT: {
    summary: 'The file is an s-expression but not a KiCad footprint: it does not start with (footprint or (module, or it has no copper pads.',
    fix: "Give one footprint (.kicad_mod), e.g. exported from a library or with KiCad's footprint editor (File → Export Footprint).",
  },
  FOOTPRINT_PART_UNKNOWN: {
    summary:
      'The A4S part could not be told: no part number in the file name, footprint name, description or tags, and the contact-pad count is not an A4S pin count.',
    fix: 'Name the part with --part (e.g. --part AXE540127).',
  },
  FP_PART_INFERRED: {
    summary: 'No part number was given or found: the part was inferred from the pad count and the pattern that fits best.',
    fix: 'Name the part with --part so that the comparison uses the right role.',
  },
  FP_PART_RENAMED: {
    summary:
      "The part is named by an old catalog number: sockets of the 2013-03 catalog edition were AXE5nn124, the same sockets are AXE5nn127 today; compared with today's part.",
    fix: "Name the footprint and the part after today's number (given in the message).",
  },
  FP_PIN_COUNT: {
    summary: "The footprint's contact pads are not numbered 1 … N once each for the part's N pins.",
    fix: 'Number the contact pads 1 … N; give the soldering terminals a non-contact number (e.g. MP) or none.',
  },
  FP_TERMINALS: {
    summary: 'The number of soldering-terminal pads differs from our land pattern (4: socket and header).',
    fix: "Add or remove the soldering-terminal pads after the manufacturer's drawing: without them the connector is held by its contacts only.",
  },
  FP_PITCH: {
    summary: "The contact pitch differs from the catalog's 0.4 mm.",
    fix: 'Place the contacts at 0.4 mm pitch: the footprint is for another series.',
  },
  FP_SPAN_B: {
    summary: "The distance from the first to the last contact differs from the catalog's dimension B for this pin count.",
    fix: 'Check the pin count and the pitch; the span must equal B.',
  },
  FP_TERMINAL_C: {
    summary: "The soldering terminals are not where the catalog's dimension C puts them.",
    fix: "Place the soldering-terminal pads after the manufacturer's drawing (distance C).",
  },
  FP_ROW_SPACING: {
    summary: 'The distance between the two rows of contact pads differs from our land pattern beyond the stated tolerance.',
    fix: "Compare with the manufacturer's recommended PC-board pattern; the message says how strong our pattern is (reference or assumed).",
  },
  FP_PAD_SIZE: {
    summary: 'Pad sizes differ from our land pattern beyond the stated tolerance.',
    fix: "Compare with the manufacturer's recommended PC-board pattern; the message says how strong our pattern is (reference or assumed).",
  },
  FP_NUMBERING: {
    summary: 'The contacts are not numbered as A4S: odd pins in one row, even pins in the other, pins 2k−1 and 2k side by side, counting from one end.',
    fix: 'Renumber the pads: pin 1 and pin 2 at the same end, odd pins in one row, even pins in the other.',
  },
  FP_CHIRALITY: {
    summary: 'The footprint is the mirror image of the A4S pattern: its pin n does not meet pin n of the mating part.',
    fix: "Swap the two rows (odd ↔ even), or mirror the footprint about the connector's long axis, so that pin n meets the mating part's pin n.",
  },
  FP_COURTYARD_MISSING: {
    summary: 'The footprint has no courtyard (F.CrtYd), or it does not enclose the pads.',
    fix: "Draw a courtyard around the body and pads (KiCad's DRC uses it to keep parts apart).",
  },
  FP_FAB_MISSING: { summary: 'The footprint has no fabrication outline (F.Fab).', fix: 'Draw the body outline on F.Fab (assembly drawings use it).' },
  FP_PAIR: {
    summary: 'Two footprints given as a mating pair (--mate) do not meet pin n to pin n, are not a socket and a header of one pin count, or are both mirrored.',
    fix: 'Make both footprints follow the A4S numbering (a4s verify-footprint on each says which one is mirrored), or pair the right parts.',
  },
  FP_PIN1_MARK_MISSING: {
    summary: 'No pin-1 mark: no silkscreen or fab feature that marks the pin-1 end (the graphics are the same turned by 180°).',
    fix: 'Add a pin-1 mark on the silkscreen (and a chamfer on F.Fab) at the pin-1 end.',
  },
} as const;
