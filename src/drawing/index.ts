/** The SVG drawing of a part (src/drawing): the index only re-exports. */
export { drawingSvg, drawingOfGeometry, type DrawingFile, type DrawingOptions } from './sheet.js';
export { PAGE, PROVENANCE_COLOURS, f2 } from './style.js';
export { drawingScale } from './views.js';
export { SourceNotes, type DrawingNumber } from './notes.js';
