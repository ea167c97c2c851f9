/** The SVG drawing of a part (src/drawing): the index only re-exports. */
export { PAGE, PROVENANCE_COLOURS, f2, drawingScale, SourceNotes, drawingSvg, type DrawingFile, type DrawingNumber, type DrawingOptions } from './sheet.js';
