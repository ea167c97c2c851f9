import type { BomFinding, BomReport } from './bom.js';
import type { MatedCheckReport } from './mating.js';
import { netFigures, withUnit } from './render-figures.js';
import type { CheckReport, Finding, Severity } from './types.js';
import { groupDigits } from '../numbers.js';
import { escapeControls } from '../text.js';

export type ReportFormat = 'md' | 'html' | 'text';

const HEADINGS: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', info: 'Notes' };
const ORDER: Severity[] = ['error', 'warning', 'info'];

interface Item {
  readonly code: string;
  readonly severity: Severity;
  readonly where: string;
  readonly message: string;
  readonly source: string;
  readonly fix: string;
}

interface Doc {
  readonly title: string;
  readonly facts: [string, string][];
  readonly items: Item[];
  readonly tables: { readonly title: string; readonly headers: string[]; readonly rows: string[][] }[];
}

const isPinMapReport = (r: CheckReport | BomReport): r is CheckReport => 'part' in r && 'summary' in r && 'pinCount' in (r as CheckReport).summary;

function pinMapDoc(r: CheckReport): Doc {
  const s = r.summary;
  const items = r.findings.map((f: Finding) => ({
    code: f.code,
    severity: f.severity,
    where: [f.pins.length ? `pins ${f.pins.join(', ')}` : '', f.nets.length ? `nets ${f.nets.join(', ')}` : ''].filter(Boolean).join(' · '),
    message: f.message,
    source: f.source,
    fix: f.fix,
  }));
  const m = 'mating' in r ? (r as MatedCheckReport).mating : null;
  return {
    title: m
      ? `A4S two-board check: ${m.board.reference} ${r.part ?? '?'} + ${m.mate.reference} ${r.mate ?? '?'}`
      : `A4S pin-map check: ${r.part ?? 'part not named'}${r.mate ? ` + ${r.mate}` : ''}`,
    facts: [
      ['Pins', `${s.pinCount} (${s.pinCountSource})`],
      ['Findings', `${s.errors} error(s), ${s.warnings} warning(s), ${s.infos} note(s)`],
      [
        'Reverse insertion',
        s.reversalSafe
          ? 'reversal-safe'
          : r.findings.some((f) => f.code === 'REVERSE_INSERTION_HAZARD' && f.severity === 'error')
            ? 'NOT reversal-safe'
            : 'NOT reversal-safe, prevented by the assembly (conditions.reverseInsertionPrevented)',
      ],
      ['Total current', withUnit(s.totalCurrentA, 'A')],
      ['Insertion force (max)', `${s.insertionForceMaxN} N`],
      ['Removal force (min)', s.removalForceMinN === null ? 'not warranted (inspection part)' : `${s.removalForceMinN} N`],
    ],
    items,
    tables: [
      {
        title: 'Nets (IR drop: worst case from the maximum contact resistance, pins in parallel)',
        headers: ['net', 'kind', 'pins', 'current', 'voltage', 'per contact', 'pins needed', 'IR drop', 'dissipation'],
        rows: s.nets.map((n) => {
          const f = netFigures(n);
          return [
            n.net,
            `${n.kind}${n.kindSource === 'stated' ? '' : ' (from name)'}`,
            f.pins,
            f.current,
            f.voltage,
            f.perContact,
            f.pinsNeeded,
            f.irDrop,
            f.dissipation,
          ];
        }),
      },
      ...(m
        ? [
            {
              title: `Mated pins (${m.board.reference} pin n meets ${m.mate.reference} pin n)`,
              headers: ['pin', m.board.reference, 'kind', m.mate.reference, 'kind', 'status'],
              rows: m.pins.map((p) => [String(p.pin), p.boardNet ?? 'NC', p.boardKind ?? '—', p.mateNet ?? 'NC', p.mateKind ?? '—', p.status]),
            },
          ]
        : []),
    ],
  };
}

function bomDoc(r: BomReport): Doc {
  const items = r.findings.map((f: BomFinding) => ({
    code: f.code,
    severity: f.severity,
    where: [
      f.lines.length ? `line${f.lines.length > 1 ? 's' : ''} ${f.lines.join(', ')}${f.moreLines ? ` (+${f.moreLines} more)` : ''}` : '',
      f.partNumbers.join(', '),
    ]
      .filter(Boolean)
      .join(' · '),
    message: f.message,
    source: f.source,
    fix: f.fix,
  }));
  return {
    title: 'A4S BOM check',
    facts: [
      ['Lines read', String(r.lines)],
      ['Lines naming A4S parts', String(r.a4sLines)],
      ['Do-not-populate lines', r.dnpLines ? `${r.dnpLines} (listed, not counted in quantities, reels or mating checks)` : '0'],
      ['Unreadable lines', unreadableFact(r)],
      ['Part-number column', r.partColumn ?? 'none found: every cell scanned'],
      ['Quantity column', r.quantityColumn ?? 'none: references counted, else 1 per line'],
      ['Boards', String(r.boards)],
      ['Findings', `${r.summary.errors} error(s), ${r.summary.warnings} warning(s), ${r.summary.infos} note(s)`],
    ],
    items,
    tables: r.parts.length
      ? [
          {
            title: 'A4S parts',
            headers: ['part number', 'status', 'role', 'pins', 'mated height', 'packaging', 'qty/board', 'lines'],
            rows: r.parts.map((p) => [
              p.partNumber,
              p.status,
              p.role,
              String(p.pins),
              p.inspection ? 'inspection' : p.matedHeightMm === null ? '0.8/1.0' : `${p.matedHeightMm.toFixed(1)} mm`,
              p.packaging ?? '—',
              groupDigits(p.quantity),
              p.lines.join(' '),
            ]),
          },
        ]
      : [],
  };
}

/** "2 (lines 7, 12)": which lines were not read, so that nothing is dropped silently. */
function unreadableFact(r: BomReport): string {
  if (r.unreadableLines === 0) return '0';
  const lines = r.findings
    .filter((f) => f.code === 'BOM_LINE_UNREADABLE')
    .flatMap((f) => f.lines)
    .sort((a, b) => a - b);
  const shown = lines.slice(0, 10);
  const more = r.unreadableLines - shown.length;
  return `${r.unreadableLines} (line${r.unreadableLines === 1 ? '' : 's'} ${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''})`;
}

/**
 * User text (net names, cells, part numbers as typed, file names) made safe for a terminal and a
 * reader: control characters (C0, DEL, C1; ESC starts terminal escape sequences) become \xNN, the
 * bidirectional controls (they reorder what is seen) \uNNNN: the core's one rule, escapeControls.
 * Applied to every text of the report, in every format (HTML and Markdown are escaped on top).
 */
export const printable = escapeControls;

function printableDoc(d: Doc): Doc {
  return {
    title: printable(d.title),
    facts: d.facts.map(([k, v]) => [printable(k), printable(v)]),
    items: d.items.map((i) => ({
      ...i,
      code: printable(i.code),
      where: printable(i.where),
      message: printable(i.message),
      source: printable(i.source),
      fix: printable(i.fix),
    })),
    tables: d.tables.map((t) => ({ title: printable(t.title), headers: t.headers.map(printable), rows: t.rows.map((r) => r.map(printable)) })),
  };
}

/** Human report of a pin-map or BOM check: grouped by severity, worst first. Deterministic. */
export function renderReport(report: CheckReport | BomReport, format: ReportFormat): string {
  const doc = printableDoc(isPinMapReport(report) ? pinMapDoc(report) : bomDoc(report));
  if (format === 'md') return markdown(doc);
  if (format === 'html') return html(doc);
  return text(doc);
}

function text(d: Doc): string {
  const out = [d.title, '='.repeat(d.title.length)];
  const w = Math.max(...d.facts.map(([k]) => k.length));
  for (const [k, v] of d.facts) out.push(`${k.padEnd(w)}  ${v}`);
  for (const severity of ORDER) {
    const items = d.items.filter((i) => i.severity === severity);
    if (!items.length) continue;
    out.push('', `${HEADINGS[severity].toUpperCase()} (${items.length})`);
    for (const i of items) {
      out.push(
        `  ${severity === 'error' ? '✗' : severity === 'warning' ? '!' : '·'} [${i.code}]${i.where ? ` ${i.where}` : ''}`,
        `      ${i.message}`,
        `      rule: ${i.source}`,
      );
      if (severity !== 'info') out.push(`      fix:  ${i.fix}`);
    }
  }
  for (const t of d.tables) {
    out.push('', t.title);
    const widths = t.headers.map((h, c) => Math.max(h.length, ...t.rows.map((r) => (r[c] ?? '').length)));
    const line = (r: string[]) =>
      '  ' +
      r
        .map((x, c) => x.padEnd(widths[c]!))
        .join('  ')
        .trimEnd();
    out.push(line(t.headers), line(widths.map((x) => '-'.repeat(x))), ...t.rows.map(line));
  }
  return out.join('\n') + '\n';
}

const mdCell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function markdown(d: Doc): string {
  const out = [`# ${d.title}`, '', '| | |', '|---|---|', ...d.facts.map(([k, v]) => `| ${mdCell(k)} | ${mdCell(v)} |`)];
  for (const severity of ORDER) {
    const items = d.items.filter((i) => i.severity === severity);
    if (!items.length) continue;
    out.push('', `## ${HEADINGS[severity]} (${items.length})`, '');
    for (const i of items) {
      out.push(`- **${i.code}**${i.where ? ` (${mdCell(i.where)})` : ''}: ${mdCell(i.message)}`, `  - Rule: ${mdCell(i.source)}`);
      if (severity !== 'info') out.push(`  - Fix: ${mdCell(i.fix)}`);
    }
  }
  for (const t of d.tables) {
    out.push(
      '',
      `## ${t.title}`,
      '',
      `| ${t.headers.map(mdCell).join(' | ')} |`,
      `|${t.headers.map(() => '---').join('|')}|`,
      ...t.rows.map((r) => `| ${r.map(mdCell).join(' | ')} |`),
    );
  }
  return out.join('\n') + '\n';
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function html(d: Doc): string {
  const out = [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${esc(d.title)}</title>`,
    '<style>body{font:14px/1.45 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .5rem;text-align:left}.error{color:#a00}.warning{color:#a60}.info{color:#357}code{font-weight:bold}li{margin:.4rem 0}</style>',
    '</head><body>',
    `<h1>${esc(d.title)}</h1>`,
    '<table>',
    ...d.facts.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`),
    '</table>',
  ];
  for (const severity of ORDER) {
    const items = d.items.filter((i) => i.severity === severity);
    if (!items.length) continue;
    out.push(`<h2 class="${severity}">${HEADINGS[severity]} (${items.length})</h2>`, '<ul>');
    for (const i of items) {
      out.push(
        `<li class="${severity}"><code>${esc(i.code)}</code>${i.where ? ` <span>${esc(i.where)}</span>` : ''}<br>${esc(i.message)}<br><small>Rule: ${esc(i.source)}</small>${severity !== 'info' ? `<br><small>Fix: ${esc(i.fix)}</small>` : ''}</li>`,
      );
    }
    out.push('</ul>');
  }
  for (const t of d.tables) {
    out.push(
      `<h2>${esc(t.title)}</h2>`,
      '<table>',
      `<tr>${t.headers.map((h) => `<th>${esc(h)}</th>`).join('')}</tr>`,
      ...t.rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`),
      '</table>',
    );
  }
  out.push('</body></html>');
  return out.join('\n') + '\n';
}
