/** Codes of src/kicad and its CLI commands (footprint, symbol, kicad-lib). Stable: users' scripts match on them. */
export const KICAD_CODES = {
  KICAD_OVERRIDES_UNREADABLE: {
    summary: 'The overrides file cannot be read, or is not JSON or YAML.',
    fix: 'Give a readable JSON or YAML file holding one object, e.g. {"signalPadLengthMm": 0.75}.',
  },
  KICAD_DIR_NOT_EMPTY: {
    summary: 'The folder for the KiCad library exists and is not empty.',
    fix: 'Give a new or empty folder, or add --force to overwrite the library files in it (other files are kept).',
  },
  KICAD_DIR_BUSY: {
    summary:
      'Another a4s kicad-lib is writing into the folder (its staging folder .a4s-kicad-lib.partial is there): parallel runs into one folder do not mix; one writes, the others stop before writing anything.',
    fix: 'Wait for the other run to finish; if none runs (it was killed), remove .a4s-kicad-lib.partial from the folder and run again.',
  },
  KICAD_WRITE_FAILED: {
    summary: 'A file of the KiCad output could not be written (permissions, disk full, a file where a folder should be).',
    fix: 'Check the path and its permissions, then run the command again.',
  },
} as const;
