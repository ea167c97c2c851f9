/**
 * Codes of src/checks: input errors (the pin map, netlist or BOM cannot be read: exit code 2) and
 * findings (what the catalog forbids in a readable design: severity error → exit code 1).
 * Stable: tests, the HTTP API and users' scripts match on them.
 */
const PIN_MAP_INPUT_CODES = {
  INPUT_UNREADABLE: {
    summary:
      'The input file cannot be opened or read (missing, a folder, no permission, not UTF-8 text, or over the size bound: 32 MiB for a netlist, 20,000,000 bytes for a footprint or a board given to verify-footprint).',
    fix: 'Check the path; give a text file (YAML, JSON, CSV, TSV or a KiCad .net).',
  },
  PINMAP_SYNTAX: {
    summary: 'The pin map is not well-formed YAML or JSON.',
    fix: 'Fix the syntax at the line and column given (a JSON Schema of the document is published by `a4s check --schema`).',
  },
  PINMAP_CSV_SYNTAX: {
    summary: 'The CSV pin map cannot be read (unclosed quote, wrong number of cells).',
    fix: 'Use the header pin,net,currentA,voltageV,kind and one row per pin; quote cells that hold commas.',
  },
  PINMAP_CSV_HEADER: {
    summary: 'The CSV pin map has no header row pin,net,currentA,voltageV,kind (or names an unknown column).',
    fix: 'Start the file with the line pin,net,currentA,voltageV,kind.',
  },
  PINMAP_DUPLICATE_KEY: {
    summary:
      'A key is given twice in one mapping of the YAML or JSON (two `nets:`, a pin or a net twice …), or a net’s totals row twice in a CSV; readers silently keep one of them.',
    fix: 'Keep one entry per key, at the line given.',
  },
  PINMAP_FIELD: {
    summary: 'A field of the pin map has the wrong type or an unknown name.',
    fix: 'Correct the field named in the message (line and path given); see the JSON Schema for the expected types.',
  },
  PINMAP_RANGE: {
    summary: 'A value is out of its physical range: a negative current or voltage, a pin number below 1 or above the largest A4S part.',
    fix: 'Give currents and voltages as magnitudes (≥ 0) and pin numbers from 1 to the pin count.',
  },
  PINMAP_PART_INVALID: {
    summary: 'The part number of the pin map is not an A4S part number.',
    fix: 'Use a catalog part number such as AXE540127 (socket) or AXE640124 (header); suggestions are given.',
  },
  PINMAP_PART_MISSING: {
    summary: 'Neither the pin map nor the command line names the part or its pin count.',
    fix: 'Add `part: AXE540127` to the pin map, or pass --part.',
  },
  PINMAP_EMPTY: { summary: 'The pin map assigns no pin.', fix: 'List at least one pin with its net.' },
  PINMAP_TOO_LARGE: {
    summary:
      'The input is far larger than any pin map of an 80-pin part (over 256 KiB, or over 10,000 brackets, commas, colons and lines): refused before it is parsed.',
    fix: 'Give the pin map of one connector (or one mated pair).',
  },
  PINMAP_TOO_DEEP: {
    summary: 'The YAML or JSON nests far deeper than any pin map (more than 32 levels; a pin map needs 4).',
    fix: 'Give the pin map as documented (`a4s check --schema`): pins, nets, conditions and connectors, a few levels deep.',
  },
  NETLIST_SYNTAX: {
    summary: 'The netlist is not a well-formed KiCad s-expression file.',
    fix: 'Export the netlist again from KiCad (File → Export → Netlist, KiCad format).',
  },
  NETLIST_NOT_KICAD: {
    summary: 'The file is not a KiCad 6+ netlist (export (version "E")).',
    fix: 'Export the netlist in KiCad format from KiCad 6 or later.',
  },
  NETLIST_REF_NOT_FOUND: {
    summary: 'The reference designator is not a component of the netlist.',
    fix: 'Give the connector reference as in the schematic (e.g. J2); the candidates are listed.',
  },
  NET_MAP_SYNTAX: {
    summary: 'The net map (--net-map) cannot be read: it needs a CSV header board,mate and both names on each line.',
    fix: 'Write one line per pair of equal names: board,mate then e.g. VBAT,VBAT_FPC.',
  },
  NET_MAP_CONTRADICTION: {
    summary:
      'A line of the net map declares two names one net that cannot be: a supply and ground, or two different voltages (stated, or spelled in the names: +1V8 and +3V3).',
    fix: 'Remove the line named in the message, or correct the name on the side that is wrong; a net map only declares two names of one rail.',
  },
  NETLIST_PIN_NOT_NUMERIC: {
    summary: 'A pin of the connector in the netlist is not a number.',
    fix: 'Use a symbol whose pins are numbered 1 … N like the A4S contacts.',
  },
} as const;

/** Findings of `checkPinMap`. */
const PIN_MAP_FINDING_CODES = {
  PART_NONSTANDARD: {
    summary: 'The part number is well formed but not listed in the catalog.',
    fix: 'Use a listed part (suggestions given) or confirm availability with Panasonic sales.',
  },
  PART_OLD_NUMBER: {
    summary: "The part number is an old catalog number (a socket's AXE5nn124 of the 2013-03 catalog edition): checked as today's AXE5nn127, the same part.",
    fix: "Write today's number (given in the message) in the pin map and the design.",
  },
  PART_UNSTATED: {
    summary: 'No part number was given: the pin count was inferred from the highest pin.',
    fix: 'Name the part (`part:` or --part) so that every check uses its real pin count.',
  },
  MATE_MISMATCH: {
    summary: 'The mated pair is not a socket and a header with the same pin count.',
    fix: 'Pair a socket AXE5<pins>127 with a header AXE6<pins>124/224 of the same pin count.',
  },
  CURRENT_PER_CONTACT: {
    summary:
      'A contact carries more than the rated current per pin contact (0.3 A). A ground net given no current is assumed to carry the return of the supplies, shared over its pins.',
    fix: 'Spread the net over more pins (the number needed is given) or lower its current.',
  },
  NET_SINGLE_PIN_OVERLOAD: {
    summary: 'A net uses one pin for a current that needs several.',
    fix: 'Assign the net to the number of pins given in the message.',
  },
  NET_CURRENT_MISMATCH: {
    summary: 'The per-pin currents of a net add up to another figure than the net’s stated current; the checks use the larger.',
    fix: 'Give the net’s current once (per pin or as the net total), or make the per-pin currents add up to the total.',
  },
  CURRENT_TOTAL: {
    summary:
      'The currents of all contacts add up to more than the rated total (5 A): supplies and their returns both count (a ground net given no current is assumed to carry the supplies’ return).',
    fix: 'Reduce the current through the connector or move supplies to another path.',
  },
  VOLTAGE_OVER_RATED: {
    summary: 'A net’s voltage exceeds the rated voltage (60 V AC/DC).',
    fix: 'Keep every net at or below the rated voltage; use another connector for higher voltages.',
  },
  VOLTAGE_BETWEEN_CONTACTS: {
    summary: 'Two contacts (any two: neighbours, facing across the rows, or apart) carry nets more than the rated 60 V apart.',
    fix: 'Keep every pair of nets on the connector within 60 V of each other (e.g. move one of the rails to another connector).',
  },
  IR_DROP: {
    summary: 'Worst-case voltage drop and dissipation of a power or ground net from the 90 mΩ maximum contact resistance.',
    fix: 'Assign more pins to the net if the drop is too large for the rail.',
  },
  NEIGHBOUR_VOLTAGE: {
    summary:
      'Two neighbouring contacts (adjacent in one row, or facing across the rows) carry nets further apart than the neighbour margin (maxNeighbourV / --max-neighbour-v; default the rated 60 V).',
    fix: 'Put a ground or an unused pin between the two nets, or move one of them away.',
  },
  DIFF_PAIR_SPLIT: {
    summary:
      'A differential pair (*_P/*_N, *+/*-, DP/DN; read from the names, an assumed rule) is not side by side in one row, or its partner lands elsewhere on the mate.',
    fix: 'Put the two lines of the pair on adjacent pins of one row, on both boards.',
  },
  NET_KIND_UNKNOWN: {
    summary:
      'Nets whose kind no evidence gives (not stated, no netlist pin types, no voltage, a name that says nothing) meet other nets in the analysis: the verdict holds only for the nets whose kind is known; the message says what it would be if each were a supply.',
    fix: 'State the kind of each net listed (nets: NAME: { kind: power | ground | signal }, or the kind column of the CSV).',
  },
  NET_VALUES_MISSING: {
    summary:
      'Supplies (and nets of unknown kind) with no current or no voltage given, and ground nets whose current is not stated (unknown, or only the assumed return of the supplies): the checks that need the figure were not run for them (or ran on the assumed return) (current per contact, single-pin overload, total current; rated voltage, voltage between contacts, neighbour margin). The verdict is "clean for stated values", not "clean".',
    fix: 'Give the current and the voltage of each net listed (nets: NAME: "1.0 A, 3.3 V"), or accept the verdict for the stated values.',
  },
  REVERSE_INSERTION_HAZARD: {
    summary: 'Plugged rotated by 180°, a supply lands on ground, another supply or a signal.',
    fix: 'Make the map symmetric: put each supply on a pin whose diagonal partner carries the same supply (or is unused), and ground opposite ground.',
  },
  REVERSAL_SAFE: { summary: 'No supply meets ground, another supply or a signal when the connector is plugged rotated by 180°.', fix: 'Nothing to do.' },
  PIN_UNASSIGNED: { summary: 'Pins of the part have no net in the pin map.', fix: 'Assign a net to each pin, or mark it NC on purpose.' },
  PIN_DUPLICATED: { summary: 'A pin is assigned more than once.', fix: 'Keep one line per pin.' },
  PIN_BEYOND_COUNT: {
    summary: 'A pin number is larger than the part’s pin count (a signal or a supply on a soldering terminal never reaches the other board).',
    fix: 'Use pins 1 … N of the part, or choose a part with more pins.',
  },
  PIN_SOLDERING_TERMINALS: {
    summary:
      'Pins N+1 … N+k (at most 4, one net that is ground, unconnected or marked mounting) of an N-pin part are read as its soldering terminals, numbered after the contacts as some symbols draw them (our reading): they are not contacts and carry none of the net’s current in the checks. A signal or a supply there is PIN_BEYOND_COUNT: it never reaches the other board.',
    fix: 'Nothing to do if these pins are the soldering terminals (MP pads); solder them to the board. If they are meant as contacts, choose a part with more pins.',
  },
  MATING_CYCLES: {
    summary: 'More mating cycles are planned than the part is rated for (30; 3,000 for inspection parts).',
    fix: 'For test fixtures use the inspection parts AXE5E**26 / AXE6E**26 (3,000 cycles).',
  },
  INSPECTION_PART_IN_PRODUCTION: {
    summary: 'An inspection part (AXE5E**26 / AXE6E**26) is used in a production design.',
    fix: 'Use the standard part of the same pin count in production; keep inspection parts for fixtures.',
  },
  INSPECTION_PART_USE_UNSTATED: {
    summary: 'An inspection part is used and the design does not say it is an inspection fixture.',
    fix: 'Set conditions.use: inspection for a fixture, or use the standard part.',
  },
  MATING_FORCES: {
    summary: 'Composite insertion and removal forces for the pin count.',
    fix: 'Design the FPC stiffener and the assembly step for the insertion force; secure the FPC, the removal force is small.',
  },
  AMBIENT_TEMPERATURE: {
    summary: 'The ambient temperature range goes outside −55 … +85 °C.',
    fix: 'Keep the connector within the rated ambient temperature, or choose another connector.',
  },
  REFLOW_PEAK: {
    summary: 'The reflow peak temperature exceeds 260 °C.',
    fix: 'Lower the reflow peak to 260 °C or less, measured on the board near the terminals.',
  },
  IRON_TEMPERATURE: {
    summary: 'The soldering-iron temperature and time exceed 300 °C within 5 s / 350 °C within 3 s.',
    fix: 'Lower the tip temperature or shorten the time per joint (Table A).',
  },
  CONDENSATION: {
    summary: 'Condensation or icing is planned; the catalog excludes it and its failures are not under warranty.',
    fix: 'Prevent condensation (enclosure, conformal design keeping coating off the connector, heating).',
  },
  HUMIDITY: {
    summary: 'The humidity exposure goes beyond the humidity test (40 °C, 90–95 %RH, 120 h).',
    fix: 'Confirm the exposure with Panasonic; protect the connector from humidity.',
  },
  H2S_EXPOSURE: { summary: 'H₂S exposure beyond the tested 3 ± 1 ppm for 48 h.', fix: 'Confirm the exposure with Panasonic; seal the connector area.' },
  SALT_EXPOSURE: {
    summary: 'Salt exposure beyond the tested salt spray (5 %, 35 °C, 24 h).',
    fix: 'Confirm the exposure with Panasonic; seal the connector area.',
  },
  MATED_PINOUT_SWAPPED: {
    summary:
      'Two-board check: the mate’s pinout is the board’s with its rows swapped, numbered from the other end, or rotated (the root cause, reported first with the pins it explains).',
    fix: 'Number both sides alike: socket pin n meets header pin n (pins 1 and 2 at the same end).',
  },
  MATED_NET_CONFLICT: {
    summary:
      'Two-board check: a mated pin carries nets that cannot be one: different kinds (ground against a supply or a signal, a supply against a different supply or a signal), different voltages (stated or spelled in the names), a name that the other board has at another pin (SDA↔SCL, MISO↔MOSI crossed), or a pin beyond the part’s count.',
    fix: 'Correct the pinout of one side so that pin n carries the same net on both; declare two names of one rail in the net map.',
  },
  MATED_NET_CROSSED: {
    summary:
      'Two-board check: names given from each side’s point of view meet (TX on one board, RX on the other): the usual crossing of a UART, a warning to confirm.',
    fix: 'Nothing to do if the crossing is meant (TX of one side to RX of the other); otherwise correct the pinout.',
  },
  MATED_PIN_OPEN: {
    summary: 'Two-board check: a supply or ground pin faces a pin left unconnected on the other side.',
    fix: 'Connect the pin on the other side, or free it on this side.',
  },
  MATED_NET_RENAMED: {
    summary: 'Two-board check: mated pins whose net names differ with the same kind (a table; a net map silences its lines).',
    fix: 'Declare the equal names in a net map (--net-map map.csv, header board,mate), or rename the nets.',
  },
  MULTIPLE_CONNECTORS_PER_BOARD_PAIR: {
    summary: 'More than one connector joins the same pair of boards; the catalog forbids it.',
    fix: 'Join each pair of boards with a single connector (use a larger pin count).',
  },
} as const;

/** Input errors and findings of the BOM check. */
const BOM_CODES = {
  BOM_EMPTY: { summary: 'The BOM has no header row or no data.', fix: 'Give a CSV/TSV file with a header row.' },
  BOM_COLUMN_NOT_FOUND: {
    summary: 'The part-number column named with --column is not in the header.',
    fix: 'Give one of the header names listed in the message.',
  },
  BOM_TOO_LARGE: {
    summary:
      'The BOM is over the byte bound (1 GiB from the CLI; the API takes 32 MiB), or one of its lines is over 256 KiB (no BOM line is that long: e.g. /dev/zero is one endless line); reading stopped there.',
    fix: 'Give the BOM as a CSV/TSV text file; split a larger one.',
  },
  BOM_HEADER_UNREADABLE: {
    summary: 'The header row of the BOM cannot be read (a quote not closed on the line, or text after a closing quote).',
    fix: 'Fix the quotes of the header row: a quoted name ends with a quote followed by the delimiter.',
  },
  BOM_LINE_UNREADABLE: {
    summary:
      'A line of the BOM could not be read (a stray quote, or a cell count other than the header’s); it was not checked. For a quote that is not closed, the line where it opened is reported and the lines after it are read on their own.',
    fix: 'Fix the line given (quotes, number of cells).',
  },
  BOM_QUANTITY_UNREADABLE: { summary: 'The quantity cell of an A4S line is not a positive whole number.', fix: 'Write the quantity as a whole number.' },
  BOM_QUANTITY_TOO_LARGE: {
    summary: 'A quantity, or quantity × boards, is more than 1,000,000,000 pieces (the bound of a4s order, ORDER_QUANTITY_TOO_LARGE): no reel plan is made.',
    fix: 'Check the quantity and --boards (a part number pasted as a quantity?).',
  },
  BOM_LINE_DNP: {
    summary:
      'An A4S line is marked do-not-populate (a DNP column, or DNP / Do not populate / Not fitted in a cell): listed, not counted in quantities, reels or mating checks.',
    fix: 'Nothing to do if the part is not fitted on purpose; remove the mark otherwise.',
  },
  BOM_LINE_PART_CONFLICT: {
    summary:
      'Two cells of one BOM line name different A4S parts (other role, pin count or mated height), e.g. the part-number cell and the footprint cell: the part ordered is not the footprint placed.',
    fix: 'Make the part-number cell and the footprint (or other) cell name the same part.',
  },
  BOM_PART_INVALID: { summary: 'A line names an A4S part number that is not valid.', fix: 'Use one of the suggested part numbers.' },
  BOM_PART_RENAMED: {
    summary:
      "A line names an old catalog number of a listed part (sockets AXE5nn124 of the 2013-03 catalog edition, today AXE5nn127): counted as today's part, with this warning.",
    fix: "Write today's number (given in the message) in the BOM: distributors and the current catalog list only that one.",
  },
  BOM_PART_NONSTANDARD: {
    summary: 'A line names a well-formed A4S part number that the catalog does not list.',
    fix: 'Use a listed part (suggestions given) or confirm availability with Panasonic sales.',
  },
  BOM_MATE_MISSING: {
    summary: 'The mating partner of an A4S part is not in the BOM (nor in the --mate BOM).',
    fix: 'Add the partner listed in the message to the other board’s BOM.',
  },
  BOM_HEIGHT_CONFLICT: {
    summary: 'Headers of different mated heights are listed for the same pin count.',
    fix: 'Use one header height per connector pair (AXE6xx124 = 0.8 mm, AXE6xx224 = 1.0 mm).',
  },
  BOM_MIXED_PACKAGING: {
    summary: 'The same part is listed on both packagings (8 mm and 4 mm tape).',
    fix: 'Order one packaging per part to avoid an extra reel.',
  },
  BOM_REEL_ROUNDING: {
    summary: 'Order quantities rounded up to whole reels (the order unit), with the leftover pieces.',
    fix: 'Order the number of reels given; consider the 4 mm packaging when it saves reels.',
  },
  BOM_INSPECTION_PART: {
    summary: 'An inspection part is listed in a production BOM.',
    fix: 'Use the standard part in production; keep inspection parts for fixture BOMs (--fixture).',
  },
  BOM_INSPECTION_MIN_LOT: { summary: 'An inspection part is needed in fewer than 50 pieces, the minimum per lot.', fix: 'Order at least 50 pieces per lot.' },
  BOM_INSPECTION_FOOTPRINT: {
    summary:
      'A line places an inspection part (AXE5E**26, AXE6E**26) on the standard part’s footprint (or the other way round, same role and pins): no conflict, the catalog gives the inspection parts the same foot pattern as the standard type.',
    fix: 'Nothing to do: the standard land pattern is the inspection part’s.',
  },
  BOM_PAIR_NOT_ACROSS: {
    summary:
      'Two-board BOM check (--mate): an A4S part of one board has its mating partner only on the same board, none on the other: that pair does not join the two boards.',
    fix: 'Put the partner on the other board’s BOM (a socket on one board, its header on the other), or check that the right BOMs were given.',
  },
} as const;

export const CHECK_CODES = { ...PIN_MAP_INPUT_CODES, ...PIN_MAP_FINDING_CODES, ...BOM_CODES } as const;
export type CheckCode = keyof typeof CHECK_CODES;
export type PinMapFindingCode = keyof typeof PIN_MAP_FINDING_CODES;
export type BomFindingCode = Exclude<keyof typeof BOM_CODES, 'BOM_EMPTY' | 'BOM_COLUMN_NOT_FOUND' | 'BOM_HEADER_UNREADABLE' | 'BOM_TOO_LARGE'>;
export const PIN_MAP_FINDING_CODE_LIST = Object.keys(PIN_MAP_FINDING_CODES) as PinMapFindingCode[];
