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
  FOOTPRINT_BAD_NUMBER: {
    summary: 'A coordinate or size in the footprint is not a finite number of millimetres within ±1000 mm (Infinity, NaN, 1e999, a kilometre).',
    fix: 'The file is damaged: export the footprint again from KiCad; the message gives the line.',
  },
  FOOTPRINT_PART_UNKNOWN: {
    summary:
      'The A4S part could not be told: no part number in the footprint name, value, file name, tags or description, and the contact-pad count is not an A4S pin count.',
    fix: 'Name the part with --part (e.g. --part AXE540127).',
  },
  FP_PART_INFERRED: {
    summary:
      'No part number was given or found: the pin count comes from the contact pads and socket vs header from the geometry (row spacing, soldering terminals, pad length; the evidence is in the message). A note when the geometry decides; a warning, with the mirror check under both readings, when it cannot.',
    fix: 'Name the part with --part (or put the part number in the footprint name or value).',
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
  FP_NUMBERING_UNCHECKED: {
    summary:
      'The contact pads are named by rows (A1 … A5, B1 … B5), not numbered 1 … N: the geometry is compared, but which row is odd (pin 1) cannot be read from the names.',
    fix: 'Number the contact pads 1 … N as Panasonic does (odd pins in one row, even in the other), or check the reading the message gives against the datasheet.',
  },
  FP_PAD_NAMES: {
    summary: 'The contact pads carry a common prefix (Eagle style, e.g. P$1 … P$10): they were read as the numbers in their names.',
    fix: 'Nothing, if the numbers are the pin numbers; KiCad symbols must use the same names.',
  },
  FP_BOTTOM_SIDE: {
    summary:
      'The footprint stands on the bottom side (its layer is B.Cu, or all its copper is on B.Cu): it was mirrored back to the top view before comparison. A library footprint drawn on B.Cu is a warning.',
    fix: 'Draw library footprints on F.Cu (KiCad flips them when they are placed on the bottom side); a footprint cut out of a board needs nothing.',
  },
  FP_PASTE_MISSING: {
    summary: 'Copper pads without a stencil opening (no F.Paste on the pad, no paste-only pad): no solder is printed there.',
    fix: "Open the paste layer at the catalog's ratios: separate unnumbered F.Paste pads, or F.Paste on the pad with a negative paste margin ratio.",
  },
  FP_PASTE_OVERSIZED: {
    summary: 'Stencil openings larger than their pads: the catalog asks that the metal mask at the base of the terminals is not enlarged.',
    fix: "Shrink the openings to the catalog's ratios (contacts 70 %; metal parts 70 % socket, 100 % header) on a 120 µm stencil.",
  },
  FP_PASTE_RATIO: {
    summary: "Stencil openings differ from the catalog's opening ratios (contacts 70 %; metal parts 70 % socket, 100 % header; 120 µm stencil) beyond ±10 %.",
    fix: "Size the openings at the catalog's ratios: separate unnumbered F.Paste pads, or a paste margin ratio on the pads.",
  },
  FP_PASTE_AREA_RATIO: {
    summary: 'The IPC-7525 area ratio of the contact openings (area / (perimeter × stencil thickness)) is below 0.66: paste may not release fully (a note).',
    fix: 'Ask the board assembler: a thinner stencil or a wider opening where the pitch allows.',
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
