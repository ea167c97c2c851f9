import type { BomReport } from '../../checks/index.js';
import { h, replace } from '../dom.js';

/**
 * BOM check: a CSV dropped (or chosen) is streamed to POST /api/bom, the server's streamed checker
 * (the page stays light for files of any size); the report is drawn from its JSON.
 */
export function renderBom(root: HTMLElement): void {
  document.title = 'A4S BOM check';
  const out = h('div', { id: 'bom-report', 'aria-live': 'polite' });
  const boards = h('input', { id: 'bom-boards', type: 'number', min: 1, step: 1, value: 1, inputmode: 'numeric' });
  const fixture = h('input', { id: 'bom-fixture', type: 'checkbox' });
  const file = h('input', { id: 'bom-file', type: 'file', accept: '.csv,.tsv,.txt,text/csv,text/tab-separated-values' });
  const drop = h('div', { class: 'dropzone', tabindex: 0, role: 'button', 'aria-describedby': 'bom-help' }, 'Drop a BOM (CSV or TSV) here, or press Enter to choose a file');

  async function check(f: File) {
    replace(out, h('p', { class: 'status' }, `Checking ${f.name} (${f.size.toLocaleString('en-US')} bytes)…`));
    const params = new URLSearchParams({ boards: boards.value || '1' });
    if (fixture.checked) params.set('fixture', 'true');
    const type = /\.tsv$/i.test(f.name) ? 'text/tab-separated-values' : 'text/csv';
    try {
      const res = await fetch(`/api/bom?${params}`, { method: 'POST', headers: { 'content-type': type }, body: f });
      const body = await res.json() as BomReport & { code?: string; detail?: string };
      if (!res.ok) return replace(out, h('p', { class: 'error', role: 'alert' }, `${body.code ?? res.status}: ${body.detail ?? res.statusText}`));
      replace(out, report(f.name, body));
    } catch (err) {
      replace(out, h('p', { class: 'error', role: 'alert' }, `The check failed: ${(err as Error).message}`));
    }
  }

  file.addEventListener('change', () => { if (file.files?.[0]) void check(file.files[0]); });
  drop.addEventListener('click', () => file.click());
  drop.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); file.click(); } });
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    const f = e.dataTransfer?.files?.[0];
    if (f) void check(f);
  });

  replace(root,
    h('h1', {}, 'BOM check'),
    h('p', { class: 'lead', id: 'bom-help' }, 'Checks every A4S part of a bill of materials (KiCad, JLCPCB or any CSV with a part-number column): status, mating partners and heights, reels, inspection parts. The same check as `a4s bom`.'),
    h('div', { class: 'filters' },
      h('label', { for: 'bom-boards', class: 'field' }, h('span', {}, 'Boards to build'), boards),
      h('label', { for: 'bom-fixture', class: 'field check' }, fixture, h('span', {}, 'Inspection fixture')),
      h('label', { for: 'bom-file', class: 'field' }, h('span', {}, 'BOM file'), file)),
    drop,
    out);
}

function report(name: string, r: BomReport) {
  const order = { error: 0, warning: 1, info: 2 } as const;
  const findings = [...r.findings].sort((a, b) => order[a.severity] - order[b.severity]);
  return [
    h('h2', {}, `Report: ${name}`),
    h('p', { class: r.summary.errors ? 'error' : 'ok' }, `${r.summary.errors} error(s), ${r.summary.warnings} warning(s), ${r.summary.infos} note(s). ${r.lines} line(s) read, ${r.a4sLines} naming A4S parts${r.dnpLines ? ` (${r.dnpLines} marked do-not-populate: not counted)` : ''}${r.unreadableLines ? `, ${r.unreadableLines} unreadable` : ''}. Part-number column: ${r.partColumn ?? 'none found (every cell scanned)'}.`),
    h('ul', { class: 'findings' }, ...findings.map((f) => h('li', { class: `finding ${f.severity}`, 'data-code': f.code },
      h('strong', {}, `${f.severity.toUpperCase()} ${f.code}`), f.lines.length ? ` (line${f.lines.length > 1 ? 's' : ''} ${f.lines.join(', ')}${f.moreLines ? ` +${f.moreLines}` : ''})` : '', ': ', f.message,
      h('div', { class: 'fix' }, 'Fix: ', f.fix), h('div', { class: 'source' }, 'Rule: ', f.source)))),
    r.parts.length ? h('div', { class: 'table-wrap' }, h('table', {},
      h('thead', {}, h('tr', {}, ...['part number', 'status', 'role', 'pins', 'mated height', 'packaging', 'qty/board', 'lines'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, ...r.parts.map((p) => h('tr', {},
        h('th', { scope: 'row' }, h('a', { href: `/?pn=${encodeURIComponent(p.partNumber)}`, 'data-nav': true }, p.partNumber)),
        h('td', {}, p.status), h('td', {}, p.role), h('td', { class: 'num' }, p.pins),
        h('td', {}, p.inspection ? 'inspection' : p.matedHeightMm === null ? '0.8 / 1.0' : `${p.matedHeightMm.toFixed(1)} mm`),
        h('td', {}, p.packaging ?? '—'), h('td', { class: 'num' }, p.quantity), h('td', {}, p.lines.join(' '))))))) : null,
  ];
}
