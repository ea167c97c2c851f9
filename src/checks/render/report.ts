import { builtInSeries, type Series } from '../../catalog/index.js';
import type { BomFinding, BomReport } from '../bom/index.js';
import { isBomPairReport, type BomPairReport } from '../bom/index.js';
import type { MatedCheckReport } from '../mating/index.js';
import { netFigures, withUnit } from './figures.js';
import type { CheckReport, Finding, Severity } from '../types.js';
import { groupDigits } from '../../numbers.js';
import { escapeControls } from '../../text.js';

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

const isPinMapReport = (r: CheckReport | BomReport | BomPairReport): r is CheckReport =>
  'part' in r && 'summary' in r && 'pinCount' in (r as CheckReport).summary;

/** The nets whose current or voltage is not given, as the verdict line names them. */
function missingValuesText(s: CheckReport['summary']): string {
  return [
    s.noCurrentNets.length ? `no current for ${s.noCurrentNets.join(', ')}` : '',
    s.noVoltageNets.length ? `no voltage for ${s.noVoltageNets.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('; ');
}
function pinMapDoc(r: CheckReport, series: string): Doc {
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
      ? `${series} two-board check: ${m.board.reference} ${r.part ?? '?'} + ${m.mate.reference} ${r.mate ?? '?'}`
      : `${series} pin-map check: ${r.part ?? 'part not named'}${r.mate ? ` + ${r.mate}` : ''}`,
    facts: [
      ['Pins', `${s.pinCount} (${s.pinCountSource})`],
      ['Findings', `${s.errors} error(s), ${s.warnings} warning(s), ${s.infos} note(s)`],
      [
        'Verdict',
        s.verdict === 'clean'
          ? 'clean'
          : s.verdict === 'clean for stated values'
            ? `clean for stated values: ${missingValuesText(s)}; see NET_VALUES_MISSING`
            : s.verdict === 'qualified'
              ? `no error, but qualified: it rests on nets of unknown kind (${s.unknownKindNets.join(', ')}); see NET_KIND_UNKNOWN${s.noCurrentNets.length + s.noVoltageNets.length > 0 ? `; and on figures not given: ${missingValuesText(s)}` : ''}`
              : 'errors',
      ],
      [
        'Reverse insertion',
        s.reversalSafe
          ? 'reversal-safe'
          : s.reversal === 'safe for known kinds'
            ? `reversal-safe for the nets whose kind is known (unknown kind: ${s.unknownKindNets.join(', ')})`
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
        headers: ['net', 'kind', 'kind from', 'pins', 'current', 'voltage', 'per contact', 'pins needed', 'IR drop', 'dissipation'],
        rows: s.nets.map((n) => {
          const f = netFigures(n);
          return [n.net, n.kind, n.kindSource, f.pins, f.current, f.voltage, f.perContact, f.pinsNeeded, f.irDrop, f.dissipation];
        }),
      },
      ...(m
        ? [
            {
              title: `Mated pins (${m.board.reference} pin n meets ${m.mate.reference} pin n)`,
              headers: ['pin', m.board.reference, 'kind', m.mate.reference, 'kind', 'status', 'kinds from'],
              rows: m.pins.map((p) => [
                String(p.pin),
                p.boardNet ?? 'NC',
                p.boardKind ?? '—',
                p.mateNet ?? 'NC',
                p.mateKind ?? '—',
                p.status,
                [kindFrom(m, 'board', p.boardNet), kindFrom(m, 'mate', p.mateNet)].join(' / '),
              ]),
            },
          ]
        : []),
    ],
  };
}

/** Where a mated pin's kind came from (stated, netlist pin types, voltage, name, unknown), or — for an open pin. */
function kindFrom(m: MatedCheckReport['mating'], side: 'board' | 'mate', net: string | null): string {
  if (net === null) return '—';
  return m.nets?.find((n) => n.side === side && n.net === net)?.kindSource ?? '—';
}

/** `board`: the board's name in a two-board report (each finding is labelled with it), with its role in the title. */
function bomDoc(r: BomReport, series: string, board?: { readonly name: string; readonly title: string }): Doc {
  const items = r.findings.map((f: BomFinding) => ({
    code: f.code,
    severity: f.severity,
    where: [
      board?.name ?? '',
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
    title: board === undefined ? `${series} BOM check` : board.title,
    facts: [
      ['Lines read', String(r.lines)],
      [`Lines naming ${series} parts`, String(r.a4sLines)],
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
            title: `${series} parts`,
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

/**
 * Two boards' BOMs (`a4s bom FILE --mate OTHER`): the facts of the pair, then each board's report as
 * if given alone with its findings labelled by the board, then the pairing (mated pairs, heights).
 */
function bomPairDocs(r: BomPairReport, series: string): Doc[] {
  const { names } = r;
  const head: Doc = {
    title: `${series} BOM check of two boards: ${names.board} + ${names.mate}`,
    facts: [
      ['This board', `${names.board}: ${summaryText(r.board.summary)}`],
      ['Other board', `${names.mate}: ${summaryText(r.mate.summary)}`],
      ['Pairing', summaryText(countOf(r.findings))],
      ['Findings (all)', summaryText(r.summary)],
      ['Boards', `${r.board.boards} (quantities are per board; the other board's reels are for as many: one of each per product, assumed)`],
    ],
    items: [],
    tables: [],
  };
  const pairing: Doc = {
    title: `Pairing: ${names.board} + ${names.mate}`,
    facts: [['Mated pairs', r.pairs.length ? String(r.pairs.length) : 'none: no socket of one board has a header of its pin count on the other']],
    items: r.findings.map((f) => ({
      code: f.code,
      severity: f.severity,
      where: `pair · ${f.partNumbers.join(', ')}`,
      message: f.message,
      source: f.source,
      fix: f.fix,
    })),
    tables: r.pairs.length
      ? [
          {
            title: 'Mated pairs (socket of one board, header of the other; the header decides the mated height)',
            headers: ['pins', 'socket', 'on', 'header', 'on', 'mated height', 'source'],
            rows: r.pairs.map((p) => [
              String(p.pins),
              p.socket.partNumber,
              names[p.socket.board],
              p.header.partNumber,
              names[p.header.board],
              p.matedHeightMm === null ? 'not stated (inspection header)' : `${p.matedHeightMm.toFixed(1)} mm`,
              p.source,
            ]),
          },
        ]
      : [],
  };
  return [
    head,
    bomDoc(r.board, series, { name: names.board, title: `This board: ${names.board}` }),
    bomDoc(r.mate, series, { name: names.mate, title: `Other board: ${names.mate}` }),
    pairing,
  ];
}

const summaryText = (s: { errors: number; warnings: number; infos: number }) => `${s.errors} error(s), ${s.warnings} warning(s), ${s.infos} note(s)`;
const countOf = (findings: readonly { severity: Severity }[]) => ({
  errors: findings.filter((f) => f.severity === 'error').length,
  warnings: findings.filter((f) => f.severity === 'warning').length,
  infos: findings.filter((f) => f.severity === 'info').length,
});

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

/** Human report of a pin-map or BOM check: grouped by severity, worst first; titled with the series' name. Deterministic. */
export function renderReport(report: CheckReport | BomReport | BomPairReport, format: ReportFormat, series: Series = builtInSeries): string {
  if (isBomPairReport(report)) {
    const docs = bomPairDocs(report, series.name).map(printableDoc);
    if (format === 'md') return docs.map((d, i) => markdown(d, i === 0 ? 1 : 2)).join('\n');
    if (format === 'html') return html(docs);
    return docs.map(text).join('\n');
  }
  const doc = printableDoc(isPinMapReport(report) ? pinMapDoc(report, series.name) : bomDoc(report as BomReport, series.name));
  if (format === 'md') return markdown(doc);
  if (format === 'html') return html([doc]);
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

/** `level`: the title's heading level (a board's section of a two-board report is one level down, its parts two). */
function markdown(d: Doc, level = 1): string {
  const sub = '#'.repeat(level + 1);
  const out = [`${'#'.repeat(level)} ${d.title}`, '', '| | |', '|---|---|', ...d.facts.map(([k, v]) => `| ${mdCell(k)} | ${mdCell(v)} |`)];
  for (const severity of ORDER) {
    const items = d.items.filter((i) => i.severity === severity);
    if (!items.length) continue;
    out.push('', `${sub} ${HEADINGS[severity]} (${items.length})`, '');
    for (const i of items) {
      out.push(`- **${i.code}**${i.where ? ` (${mdCell(i.where)})` : ''}: ${mdCell(i.message)}`, `  - Rule: ${mdCell(i.source)}`);
      if (severity !== 'info') out.push(`  - Fix: ${mdCell(i.fix)}`);
    }
  }
  for (const t of d.tables) {
    out.push(
      '',
      `${sub} ${t.title}`,
      '',
      `| ${t.headers.map(mdCell).join(' | ')} |`,
      `|${t.headers.map(() => '---').join('|')}|`,
      ...t.rows.map((r) => `| ${r.map(mdCell).join(' | ')} |`),
    );
  }
  return out.join('\n') + '\n';
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** One HTML page: the first document's title is the page's; each further one (a board of a two-board report) is a section. */
function html(docs: readonly Doc[]): string {
  const out = [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${esc(docs[0]!.title)}</title>`,
    '<style>body{font:14px/1.45 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .5rem;text-align:left}.error{color:#a00}.warning{color:#a60}.info{color:#357}code{font-weight:bold}li{margin:.4rem 0}</style>',
    '</head><body>',
  ];
  docs.forEach((d, i) => out.push(...htmlDoc(d, i === 0 ? 1 : 2)));
  out.push('</body></html>');
  return out.join('\n') + '\n';
}

function htmlDoc(d: Doc, level: number): string[] {
  const sub = `h${level + 1}`;
  const out = [
    ...(level > 1 ? ['<section>'] : []),
    `<h${level}>${esc(d.title)}</h${level}>`,
    '<table>',
    ...d.facts.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`),
    '</table>',
  ];
  for (const severity of ORDER) {
    const items = d.items.filter((i) => i.severity === severity);
    if (!items.length) continue;
    out.push(`<${sub} class="${severity}">${HEADINGS[severity]} (${items.length})</${sub}>`, '<ul>');
    for (const i of items) {
      out.push(
        `<li class="${severity}"><code>${esc(i.code)}</code>${i.where ? ` <span>${esc(i.where)}</span>` : ''}<br>${esc(i.message)}<br><small>Rule: ${esc(i.source)}</small>${severity !== 'info' ? `<br><small>Fix: ${esc(i.fix)}</small>` : ''}</li>`,
      );
    }
    out.push('</ul>');
  }
  for (const t of d.tables) {
    out.push(
      `<${sub}>${esc(t.title)}</${sub}>`,
      '<table>',
      `<tr>${t.headers.map((h) => `<th>${esc(h)}</th>`).join('')}</tr>`,
      ...t.rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`),
      '</table>',
    );
  }
  if (level > 1) out.push('</section>');
  return out;
}
