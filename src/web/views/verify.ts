import type { FootprintReport } from '../../verify/index.js';
import { findingList } from '../components/findings.js';
import { dropZone, h, replace } from '../dom.js';

/**
 * Part page: drop a vendor's .kicad_mod to check it against this part (POST /api/verify-footprint,
 * the same check as `a4s verify-footprint`). Kept in its own file: the part page adds one line.
 */
export function footprintVerifier(pn: string): HTMLElement {
  const out = h('div', { id: 'verify-report', 'aria-live': 'polite' });
  const file = h('input', { id: 'verify-file', type: 'file', accept: '.kicad_mod,text/plain' });
  const drop = h(
    'div',
    { class: 'dropzone', tabindex: 0, role: 'button', 'aria-describedby': 'verify-help', 'data-testid': 'verify-drop' },
    'Drop a KiCad footprint (.kicad_mod) here, or press Enter to choose a file',
  );

  async function check(f: File) {
    replace(out, h('p', { class: 'status' }, `Checking ${f.name}…`));
    const params = new URLSearchParams({ part: pn, name: f.name });
    try {
      const res = await fetch(`/api/verify-footprint?${params}`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: f });
      const body = (await res.json()) as FootprintReport & { code?: string; detail?: string };
      if (!res.ok) return replace(out, h('p', { class: 'error', role: 'alert' }, `${body.code ?? res.status}: ${body.detail ?? res.statusText}`));
      replace(out, report(f.name, body));
    } catch (err) {
      replace(out, h('p', { class: 'error', role: 'alert' }, `The check failed: ${(err as Error).message}`));
    }
  }

  file.addEventListener('change', () => {
    if (file.files?.[0]) void check(file.files[0]);
  });
  dropZone(drop, file, (f) => void check(f));

  return h(
    'section',
    { id: 'verify', 'aria-labelledby': 'verify-h' },
    h('h2', { id: 'verify-h' }, 'Check a footprint'),
    h(
      'p',
      { id: 'verify-help' },
      `Got a footprint from a vendor or a colleague? Check it against ${pn}: pins, pitch, B and C, rows, pad sizes, numbering, and whether pin n meets the mating part's pin n (a mirrored footprint is the commonest expensive error). The same check as \`a4s verify-footprint\`.`,
    ),
    h('label', { for: 'verify-file', class: 'field' }, h('span', {}, 'Footprint file'), file),
    drop,
    out,
  );
}

function report(name: string, r: FootprintReport) {
  return [
    h('h3', {}, `Report: ${name}`),
    h(
      'p',
      { class: r.matches ? 'ok' : 'error' },
      r.matches
        ? `Matches the A4S ${r.part.role} pattern of ${r.part.partNumber}.`
        : `${r.summary.errors} error(s), ${r.summary.warnings} warning(s): does not match ${r.part.partNumber}.`,
      r.placement ? ` Turned by ${r.placement.rotationDeg}° to our frame.` : '',
    ),
    // Copper apart from paste and outline: a vendor footprint can have the right copper and no courtyard.
    r.matches ? null : h('p', { class: 'verdicts', 'data-copper': r.verdicts.copper.matches ? 'match' : 'differs' }, copperLine(r)),
    // Not a catalog rule's finding: what was expected and found instead of a fix (the severity written as in the other views).
    findingList(r.findings, (f) => [
      h('strong', {}, `${f.severity.toUpperCase()} ${f.code}`),
      f.pads.length ? ` (pads ${f.pads.slice(0, 8).join(', ')}${f.pads.length > 8 ? ', …' : ''})` : '',
      `: ${f.message}`,
      f.expected !== null ? h('small', {}, ` Expected ${f.expected}, found ${f.found ?? '—'}${f.provenance ? ` [${f.provenance}]` : ''}.`) : '',
    ]),
  ];
}

/** The copper verdict apart (the CLI's verdict lines say the same): paste and outline findings do not hide a copper match. */
function copperLine(r: FootprintReport): string {
  const c = r.verdicts.copper;
  if (!c.matches) return `Copper: does not match (${c.errors} error(s), ${c.warnings} warning(s)).`;
  const rest = `Paste: ${r.verdicts.paste.matches ? 'no findings' : `${r.verdicts.paste.errors + r.verdicts.paste.warnings} finding(s)`}; courtyard, fab and pin-1 mark: ${r.verdicts.outline.matches ? 'no findings' : `${r.verdicts.outline.errors + r.verdicts.outline.warnings} finding(s)`}.`;
  return c.numbering === 'unchecked'
    ? `Copper: the pad geometry matches; the numbering cannot be checked (pads named by rows). ${rest}`
    : `Copper: matches. ${rest}`;
}
