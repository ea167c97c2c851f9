import type { MatedHeightMm, PackagingId, PartNumberForm, Role } from '../catalog/schema.js';

/**
 * The one place a part number is written: from its fields and an edition's grammar
 * (catalog.partNumberGrammar.form). `formatPartNumber` (grammar.ts) is this with a series;
 * catalog/validate.ts uses it to check the tables against the grammar at build time.
 * Pure, imports no catalog data (the build step loads it before the built catalog exists).
 */
export interface PartNumberFieldsForForm {
  readonly role: Role;
  readonly pins: number;
  readonly inspection: boolean;
  readonly matedHeightMm: MatedHeightMm | null;
  readonly packaging: PackagingId | null;
}

/** The pin count as the part number writes it (two digits for A4S: 10 → "10", 8 → "08"). */
export function pinsField(form: PartNumberForm, pins: number): string {
  return String(pins).padStart(form.pinsDigits, '0');
}

/** The code after the pin count for a role and mated height (socket: one code for both heights; header: its height's code). */
export function codeFor(form: PartNumberForm, role: Role, matedHeightMm: MatedHeightMm | null): string {
  if (role === 'socket') return form.socketCode;
  return matedHeightMm === 1.0 ? form.headerCodeByMatedHeightMm['1.0'] : form.headerCodeByMatedHeightMm['0.8'];
}

export function writePartNumber(form: PartNumberForm, fields: PartNumberFieldsForForm): string {
  return write(form, fields, pinsField(form, fields.pins));
}

/**
 * A family of part numbers, the pins written as a wildcard character (`AXE6nn124`, `AXE6xx224`,
 * the catalog's `AXE5E**26`): the same writer, for documentation and messages.
 */
export function writePartNumberPattern(form: PartNumberForm, fields: Omit<PartNumberFieldsForForm, 'pins'>, wildcard = 'n'): string {
  return write(form, fields, wildcard.repeat(form.pinsDigits));
}

function write(form: PartNumberForm, fields: Omit<PartNumberFieldsForForm, 'pins'>, pins: string): string {
  const role = form.roleDigit[fields.role];
  if (fields.inspection) return `${form.prefix}${role}${form.inspection.marker}${pins}${form.inspection.code}`;
  return `${form.prefix}${role}${pins}${codeFor(form, fields.role, fields.matedHeightMm)}${form.packagingSuffix[fields.packaging ?? '8mm-pitch']}`;
}

/** The catalog's inspection pattern for a role (AXE5E**26): the part number with ** for the pins. */
export function inspectionPattern(form: PartNumberForm, role: Role): string {
  return writePartNumberPattern(form, { role, inspection: true, matedHeightMm: null, packaging: null }, '*');
}
