import { stepModel, vrmlModel } from '../model3d/index.js';
import type { Result } from '../result.js';

/**
 * Where the library builder gets 3D models from: src/model3d (STEP + VRML of a part number, in
 * the footprint's frame: mm, origin at the footprint origin). Behind this interface so that the
 * library can be built without models (`models: null`) and the builder does not know how models
 * are made.
 */
export interface ModelFile {
  readonly fileName: string;
  readonly content: string | Uint8Array;
}

export interface ModelSource {
  stepModel(partNumber: string): Result<ModelFile>;
  vrmlModel(partNumber: string): Result<ModelFile>;
}

export const defaultModelSource: ModelSource | null = { stepModel, vrmlModel };
