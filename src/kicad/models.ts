import type { Result } from '../result.js';

/**
 * Where the library builder gets 3D models from: src/model3d when it is there (STEP + VRML of a
 * part number). Kept behind this interface so that the library can be built without models
 * (tests of the KiCad part alone) and so that the builder does not know how models are made.
 */
export interface ModelFile {
  readonly fileName: string;
  readonly content: string | Uint8Array;
}

export interface ModelSource {
  stepModel(partNumber: string): Result<ModelFile>;
  vrmlModel(partNumber: string): Result<ModelFile>;
}

/** The default source; null while src/model3d publishes no stepModel/vrmlModel. */
export const defaultModelSource: ModelSource | null = null;
