import { checkBomPairText, checkBomText, type BomOptions, type BomPairReport, type BomReport } from '../../checks/index.js';
import { findingList, ruleFinding } from '../components/findings.js';
import { dropZone, h, replace } from '../dom.js';
import { pageOption } from '../options.js';

/** Files up to this size are checked here, in the browser (the same core as `a4s bom`); larger ones are streamed to the server. */
export const IN_PAGE_BOM_BYTES = 8 * 1024 * 1024;
/** Two BOMs together go to the server up to its bound for one upload (BOM_MAX_BYTES of the API, 32 MiB). */
const PAIR_UPLOAD_BYTES = 32 * 1024 * 1024;

interface Loaded {
  readonly name: string;
  readonly size: number;
  /** The text, when small enough to check in the page; else the file goes to POST /api/bom. */
  readonly text: string | null;
  readonly file: File;
}

/**
 * BOM check of one board, or of both boards a connector pair joins (the CLI's `a4s bom FILE
 * --mate OTHER`): each board's BOM is checked with the other's parts, so a socket on one board and
 * its header on the other are a pair. Small files are checked in the page (same core as the CLI),
 * and every change (boards to build, fixture, either file) recomputes at once; a large single file
 * is streamed to the server's checker.
 */
export function renderBom(root: HTMLElement): void {
  document.title = 'A4S BOM check';
  const out = h('div', { id: 'bom-report', 'aria-live': 'polite' });
  // Text, not type=number: the browser would hide 12,000 from the parser (the CLI and the API take it).
  const boards = h('input', { id: 'bom-boards', type: 'text', value: 1, inputmode: 'numeric' });
  const fixture = h('input', { id: 'bom-fixture', type: 'checkbox' });
  const mateFixture = h('input', { id: 'bom-mate-fixture', type: 'checkbox' });
  const file = h('input', { id: 'bom-file', type: 'file', accept: '.csv,.tsv,.txt,text/csv,text/tab-separated-values' });
  const mateFile = h('input', { id: 'bom-mate-file', type: 'file', accept: '.csv,.tsv,.txt,text/csv,text/tab-separated-values' });
  const drop = h(
    'div',
    { class: 'dropzone', tabindex: 0, role: 'button', 'aria-describedby': 'bom-help' },
    'Drop a BOM (CSV or TSV) here, or press Enter to choose a file',
  );
  let own: Loaded | null = null;
  let mate: Loaded | null = null;
  let ticket = 0;

  const load = async (f: File): Promise<Loaded> => ({ name: f.name, size: f.size, file: f, text: f.size <= IN_PAGE_BOM_BYTES ? await f.text() : null });

  async function recompute() {
    const mine = ++ticket;
    if (!own) {
      replace(out, mate ? h('p', { class: 'hint' }, `Other board: ${mate.name}. Now give this board's BOM.`) : null);
      return;
    }
    const parsed = pageOption('boards', boards.value);
    if (!parsed.ok) {
      replace(out, h('p', { class: 'error', role: 'alert', 'data-code': parsed.error.code }, `${parsed.error.message} The report is not shown until it is.`));
      return;
    }
    const n = parsed.value;
    const base: BomOptions = { boards: n, fixture: fixture.checked };
    if (own.text !== null && (mate === null || mate.text !== null)) {
      if (mate) {
        // Both boards, each checked as fully as alone, then the pairing (`a4s bom FILE --mate OTHER`).
        const p = checkBomPairText(own.text, mate.text!, { ...base, mateFixture: mateFixture.checked, names: { board: own.name, mate: mate.name } });
        if (!p.ok) {
          const which = p.error.board === 'mate' ? `Other board (${mate.name})` : `This board (${own.name})`;
          return replace(out, h('p', { class: 'error', role: 'alert', 'data-code': p.error.code }, `${which}: ${p.error.code}: ${p.error.message}`));
        }
        return replace(out, pairReport(p.value));
      }
      const r = checkBomText(own.text, base);
      if (!r.ok) return replace(out, h('p', { class: 'error', role: 'alert', 'data-code': r.error.code }, `${r.error.code}: ${r.error.message}`));
      return replace(out, report(own.name, null, r.value));
    }
    if (mate) {
      // Two boards, one of them large: the server's check of both (POST /api/bom, multipart bom + mate).
      if (own.size + mate.size > PAIR_UPLOAD_BYTES)
        return replace(
          out,
          h(
            'p',
            { class: 'error', role: 'alert' },
            `The two BOMs hold ${(own.size + mate.size).toLocaleString('en-US')} bytes, more than the ${PAIR_UPLOAD_BYTES / 1024 / 1024} MiB the server takes for two; use \`a4s bom ${own.name} --mate ${mate.name}\`.`,
          ),
        );
      replace(out, h('p', { class: 'status' }, `Checking ${own.name} and ${mate.name} on the server…`));
      const params = new URLSearchParams({ boards: String(n) });
      if (fixture.checked) params.set('fixture', 'true');
      if (mateFixture.checked) params.set('mate-fixture', 'true');
      const form = new FormData();
      form.set('bom', own.file, own.name);
      form.set('mate', mate.file, mate.name);
      try {
        const res = await fetch(`/api/bom?${params}`, { method: 'POST', body: form });
        const body = (await res.json()) as BomPairReport & { code?: string; detail?: string };
        if (mine !== ticket) return;
        if (!res.ok)
          return replace(
            out,
            h('p', { class: 'error', role: 'alert', 'data-code': body.code ?? '' }, `${body.code ?? res.status}: ${body.detail ?? res.statusText}`),
          );
        return replace(out, pairReport(body));
      } catch (err) {
        if (mine === ticket) replace(out, h('p', { class: 'error', role: 'alert' }, `The check failed: ${(err as Error).message}`));
        return;
      }
    }
    // A large single file: the server's streamed checker.
    replace(out, h('p', { class: 'status' }, `Checking ${own.name} (${own.size.toLocaleString('en-US')} bytes) on the server…`));
    const params = new URLSearchParams({ boards: String(n) });
    if (fixture.checked) params.set('fixture', 'true');
    const type = /\.tsv$/i.test(own.name) ? 'text/tab-separated-values' : 'text/csv';
    try {
      const res = await fetch(`/api/bom?${params}`, { method: 'POST', headers: { 'content-type': type }, body: own.file });
      const body = (await res.json()) as BomReport & { code?: string; detail?: string };
      if (mine !== ticket) return;
      if (!res.ok) return replace(out, h('p', { class: 'error', role: 'alert' }, `${body.code ?? res.status}: ${body.detail ?? res.statusText}`));
      replace(out, report(own.name, null, body));
    } catch (err) {
      if (mine === ticket) replace(out, h('p', { class: 'error', role: 'alert' }, `The check failed: ${(err as Error).message}`));
    }
  }

  const setOwn = async (f: File) => {
    own = await load(f);
    void recompute();
  };
  file.addEventListener('change', () => {
    if (file.files?.[0]) void setOwn(file.files[0]);
  });
  mateFile.addEventListener('change', async () => {
    const f = mateFile.files?.[0];
    mate = f ? await load(f) : null;
    void recompute();
  });
  boards.addEventListener('input', () => void recompute());
  fixture.addEventListener('change', () => void recompute());
  mateFixture.addEventListener('change', () => void recompute());
  dropZone(drop, file, (f) => void setOwn(f));

  replace(
    root,
    h('h1', {}, 'BOM check'),
    h(
      'p',
      { class: 'lead', id: 'bom-help' },
      'Checks every A4S part of a bill of materials (KiCad, JLCPCB or any CSV with a part-number column): status, mating partners and heights, reels, inspection parts. Give the other board’s BOM too: both boards are checked as fully as one alone (findings labelled by board, reels for both), then the pairing: which socket meets which header, at which mated height. The same check as `a4s bom FILE --mate OTHER`.',
    ),
    h(
      'div',
      { class: 'filters' },
      h('label', { for: 'bom-file', class: 'field' }, h('span', {}, 'This board’s BOM'), file),
      h('label', { for: 'bom-mate-file', class: 'field' }, h('span', {}, 'Other board’s BOM (optional)'), mateFile),
      h('label', { for: 'bom-boards', class: 'field' }, h('span', {}, 'Boards to build'), boards),
      h('label', { for: 'bom-fixture', class: 'field check' }, fixture, h('span', {}, 'Inspection fixture')),
      h('label', { for: 'bom-mate-fixture', class: 'field check' }, mateFixture, h('span', {}, 'Other board: inspection fixture too')),
    ),
    drop,
    out,
  );
}

/**
 * Two boards: the summary of both, each board's report (its findings labelled by the board), then
 * the pairing: its findings and the mated pairs with the height each gives.
 */
function pairReport(r: BomPairReport) {
  const { names } = r;
  const s = r.summary;
  return [
    h(
      'p',
      { class: s.errors ? 'error' : 'ok', id: 'bom-summary', 'data-boards': r.board.boards },
      `Two boards: ${s.errors} error(s), ${s.warnings} warning(s), ${s.infos} note(s) in all, for ${r.board.boards.toLocaleString('en-US')} board(s) of each (the other board's reels for as many: one of each per product, assumed).`,
    ),
    h('section', { id: 'bom-board', 'data-board': 'board' }, report(names.board, names.mate, r.board, 'This board')),
    h('section', { id: 'bom-mate', 'data-board': 'mate' }, report(names.mate, names.board, r.mate, 'Other board')),
    h(
      'section',
      { id: 'bom-pairing', 'data-board': 'pair' },
      h('h2', {}, `Pairing: ${names.board} + ${names.mate}`),
      findingList(r.findings, (f) => ruleFinding(f, `pair · ${f.partNumbers.join(', ')}`)),
      r.pairs.length
        ? h(
            'div',
            { class: 'table-wrap' },
            h(
              'table',
              { id: 'bom-pairs' },
              h('caption', {}, 'Mated pairs: a socket of one board, a header of the other; the header decides the mated height.'),
              h('thead', {}, h('tr', {}, ...['pins', 'socket', 'on', 'header', 'on', 'mated height', 'source'].map((t) => h('th', { scope: 'col' }, t)))),
              h(
                'tbody',
                {},
                ...r.pairs.map((p) =>
                  h(
                    'tr',
                    {},
                    h('td', { class: 'num' }, p.pins),
                    h('td', {}, p.socket.partNumber),
                    h('td', {}, names[p.socket.board]),
                    h('td', {}, p.header.partNumber),
                    h('td', {}, names[p.header.board]),
                    h(
                      'td',
                      { 'data-height': p.matedHeightMm ?? '' },
                      p.matedHeightMm === null ? 'not stated (inspection header)' : `${p.matedHeightMm.toFixed(1)} mm`,
                    ),
                    h('td', { class: 'source' }, p.source),
                  ),
                ),
              ),
            ),
          )
        : h('p', { class: 'hint' }, 'No mated pair: no socket of one board has a header of its pin count on the other.'),
    ),
  ];
}

function report(name: string, mateName: string | null, r: BomReport, role?: string) {
  // The mating status is the check's own (BOM_MATE_MISSING), not a second rule.
  const missing = new Set(r.findings.filter((f) => f.code === 'BOM_MATE_MISSING').flatMap((f) => f.partNumbers));
  const where = (f: BomReport['findings'][number]) => {
    const lines = f.lines.length ? `line${f.lines.length > 1 ? 's' : ''} ${f.lines.join(', ')}${f.moreLines ? ` +${f.moreLines}` : ''}` : '';
    return role ? [name, lines].filter(Boolean).join(' · ') : lines;
  };
  return [
    h('h2', {}, role ? `${role}: ${name}` : `Report: ${name}`),
    h(
      'p',
      { class: `${r.summary.errors ? 'error' : 'ok'}${role ? ' board-summary' : ''}`, ...(role ? {} : { id: 'bom-summary' }), 'data-boards': r.boards },
      `${r.summary.errors} error(s), ${r.summary.warnings} warning(s), ${r.summary.infos} note(s) for ${r.boards.toLocaleString('en-US')} board(s). ${r.lines} line(s) read, ${r.a4sLines} naming A4S parts${r.dnpLines ? ` (${r.dnpLines} marked do-not-populate: not counted)` : ''}${r.unreadableLines ? `, ${r.unreadableLines} unreadable` : ''}. Part-number column: ${r.partColumn ?? 'none found (every cell scanned)'}.`,
    ),
    findingList(r.findings, (f) => ruleFinding(f, where(f))),
    r.parts.length
      ? h(
          'div',
          { class: 'table-wrap' },
          h(
            'table',
            {},
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                ...['part number', 'status', 'role', 'pins', 'mated height', 'mating partner', 'packaging', 'qty/board', 'lines'].map((t) =>
                  h('th', { scope: 'col' }, t),
                ),
              ),
            ),
            h(
              'tbody',
              {},
              ...r.parts.map((p) =>
                h(
                  'tr',
                  {},
                  h('th', { scope: 'row' }, h('a', { href: `/?pn=${encodeURIComponent(p.partNumber)}`, 'data-nav': true }, p.partNumber)),
                  h('td', {}, p.status),
                  h('td', {}, p.role),
                  h('td', { class: 'num' }, p.pins),
                  h('td', {}, p.inspection ? 'inspection' : p.matedHeightMm === null ? '0.8 / 1.0' : `${p.matedHeightMm.toFixed(1)} mm`),
                  h(
                    'td',
                    { 'data-mate': missing.has(p.partNumber) ? 'missing' : 'found' },
                    missing.has(p.partNumber) ? `none in ${mateName ? 'either BOM' : 'this BOM'}` : `found${mateName ? '' : ' on this board'}`,
                  ),
                  h('td', {}, p.packaging ?? '—'),
                  h('td', { class: 'num' }, p.quantity),
                  h('td', {}, p.lines.join(' ')),
                ),
              ),
            ),
          ),
        )
      : null,
  ];
}
