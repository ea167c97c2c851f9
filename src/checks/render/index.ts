/** Human reports of every check (text, Markdown, HTML: `report.ts`); a net's figures as text (`figures.ts`). */
export { renderReport, type ReportFormat } from './report.js';
export { netFigures, withUnit } from './figures.js';
