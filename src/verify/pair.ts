import { builtInSeries, type Series } from '../catalog/index.js';
import type { Result } from '../result.js';
import { ok } from '../result.js';
import { renderFootprintReport, verifyFootprint, type FootprintFinding, type FootprintReport, type VerifyOptions } from './verify.js';

export interface FootprintInput extends VerifyOptions {
  readonly text: string;
}

export interface FootprintPairReport {
  readonly footprint: FootprintReport;
  readonly mate: FootprintReport;
  /**
   * Whether pin n of one footprint meets pin n of the other when the boards are put face to face:
   * true or false when both are numbered as A4S (odd row, even row), null when either is not.
   */
  readonly matesPinToPin: boolean | null;
  /** FP_PAIR findings (not a socket and a header of one pin count; pins that meet their neighbour). */
  readonly findings: readonly FootprintFinding[];
  /** Both footprints match their parts and mate pin n to pin n. */
  readonly matches: boolean;
}

const pairFinding = (severity: FootprintFinding['severity'], message: string, expected: string, found: string): FootprintFinding => ({
  code: 'FP_PAIR',
  severity,
  pads: [],
  message,
  expected,
  found,
  toleranceMm: null,
  provenance: 'reference',
  source: 'reference: socket pin n meets header pin n in public mated designs (inferred, not a manufacturer statement); data/source/A4S-reference.md',
});

/**
 * Two footprints meant to mate (a socket on one board, a header on the other): each is verified
 * against its part, then the pair against each other. Each footprint's handedness is known from
 * its FP_CHIRALITY finding (our socket and header patterns meet pin n to pin n); two footprints of
 * the same handedness meet pin n to pin n, two of opposite handedness meet pin 2k−1 to pin 2k.
 */
export function verifyFootprintPair(a: FootprintInput, b: FootprintInput, series: Series = builtInSeries): Result<FootprintPairReport> {
  const { text: textA, ...optionsA } = a;
  const { text: textB, ...optionsB } = b;
  const ra = verifyFootprint(textA, optionsA, series);
  if (!ra.ok) return ra;
  const rb = verifyFootprint(textB, optionsB, series);
  if (!rb.ok) return rb;
  const fa = ra.value;
  const fb = rb.value;
  const findings: FootprintFinding[] = [];
  let matesPinToPin: boolean | null = null;
  if (fa.part.role === fb.part.role || fa.part.pins !== fb.part.pins) {
    findings.push(
      pairFinding(
        'error',
        `${fa.part.partNumber} (${fa.part.role}, ${fa.part.pins} pins) and ${fb.part.partNumber} (${fb.part.role}, ${fb.part.pins} pins) are not a mating pair: a socket and a header of the same pin count mate.`,
        'a socket and a header of one pin count',
        `${fa.part.role} ${fa.part.pins} + ${fb.part.role} ${fb.part.pins}`,
      ),
    );
  } else {
    // Handedness is known only from pin numbers in the file: pads named by rows, or a role the geometry could not tell, leave it open.
    const numbered = (r: FootprintReport) =>
      !r.findings.some((f) => f.code === 'FP_PIN_COUNT' || f.code === 'FP_NUMBERING' || f.code === 'FP_NUMBERING_UNCHECKED') &&
      r.part.roleFromGeometry?.decided !== false;
    const mirrored = (r: FootprintReport) => r.findings.some((f) => f.code === 'FP_CHIRALITY');
    if (numbered(fa) && numbered(fb)) {
      matesPinToPin = mirrored(fa) === mirrored(fb);
      if (!matesPinToPin) {
        findings.push(
          pairFinding(
            'error',
            `Put face to face, pin 1 of ${fa.part.partNumber}'s footprint meets pin 2 of ${fb.part.partNumber}'s, pin 2 meets pin 1, and every pin 2k−1 meets pin 2k: the ${mirrored(fa) ? 'first' : 'second'} footprint is the mirror image. Every signal lands on its neighbour's contact.`,
            'pin n meets pin n',
            'pin 2k−1 meets pin 2k',
          ),
        );
      } else if (mirrored(fa)) {
        findings.push(
          pairFinding(
            'warning',
            `Both footprints are the mirror image of the ${series.name} patterns: they meet pin n to pin n with each other, but their pin numbers are not Panasonic's (odd and even rows swapped), so symbols and pin maps made from the datasheet will be wrong.`,
            `the ${series.name} numbering on both`,
            'both mirrored',
          ),
        );
      }
    }
  }
  return ok({ footprint: fa, mate: fb, matesPinToPin, findings, matches: fa.matches && fb.matches && findings.length === 0 });
}

/** Both reports, then the pair's verdict: the CLI's text report with --mate. */
export function renderFootprintPairReport(r: FootprintPairReport, series: Series = builtInSeries): string {
  const lines = [renderFootprintReport(r.footprint, series), `mating footprint:`, renderFootprintReport(r.mate, series)];
  for (const f of r.findings) lines.push(`${f.severity} [${f.code}]: ${f.message}`);
  lines.push(
    r.matesPinToPin === null
      ? `pair: cannot tell which pins meet (a footprint is not numbered as ${series.name}).`
      : r.matesPinToPin
        ? 'pair: pin n meets pin n.'
        : 'pair: pins 2k−1 and 2k are swapped between the boards.',
  );
  return `${lines.join('\n')}\n`;
}
