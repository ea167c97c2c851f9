import type { RouteSpec } from '../route.js';
import type { ModuleStatus } from './meta.js';

/** Endpoints backed by the design-file, check and order modules. */
export function moduleRoutes(): RouteSpec[] {
  return [];
}

export function moduleStatus(): ModuleStatus {
  return { kicad: false, model3d: false, drawing: false, checks: false, order: false };
}
