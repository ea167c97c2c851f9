import type { Role } from '../catalog/index.js';
import { error } from '../errors.js';
import { checkLandParamOverrides, LAND_PARAM_NAMES, type LandParamOverrides } from './params.js';
import type { RoleOverrides } from './part.js';
import { fail, ok, type Result } from '../result.js';

/**
 * An overrides file is either flat (the parameters, for sockets and headers alike) or split by
 * role, `{ socket: {...}, header: {...} }` (either may be left out): the two roles' pads differ, so
 * one drawing's numbers rarely fit both. `RoleOverrides` and `overridesFor` are in part.ts.
 */

const ROLES = ['socket', 'header'] as const;

function rejected(problems: string): Result<never> {
  return fail(
    error(
      'KICAD_BAD_OVERRIDES',
      `Land-pattern overrides rejected (${problems}). Give the parameters directly (both roles) or under "socket:" and/or "header:". Parameters: ${LAND_PARAM_NAMES.join(', ')}.`,
    ),
  );
}

function parseParams(value: unknown, where: string): Result<LandParamOverrides> {
  const parsed = checkLandParamOverrides(value);
  if (parsed.ok) return ok(parsed.value);
  return rejected(parsed.issues.map((i) => `${[where, ...i.path].filter(Boolean).join('.') || '(root)'}: ${i.message}`).join('; '));
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Validates an overrides file's content (raw JSON or YAML value); null or undefined is "no overrides". */
export function parseRoleOverrides(raw: unknown): Result<RoleOverrides> {
  if (raw === undefined || raw === null) return ok({});
  if (!isObject(raw)) return rejected('(root): expected an object of parameters');
  const keys = Object.keys(raw);
  const roleKeys = keys.filter((k) => (ROLES as readonly string[]).includes(k));
  if (roleKeys.length === 0) {
    const flat = parseParams(raw, '');
    return flat.ok ? ok({ socket: flat.value, header: flat.value }) : flat;
  }
  const others = keys.filter((k) => !roleKeys.includes(k));
  if (others.length > 0) return rejected(`${others.join(', ')}: give every parameter under "socket:" or "header:" once the file has those sections`);
  const out: Partial<Record<Role, LandParamOverrides>> = {};
  for (const role of roleKeys as Role[]) {
    const section = raw[role];
    if (section === null || section === undefined) continue; // an empty YAML section
    const params = parseParams(section, role);
    if (!params.ok) return params;
    out[role] = params.value;
  }
  return ok(out);
}
