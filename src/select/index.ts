export { describePart, describeCheck, packagingInfo, matingCyclesOf, type PartDescription, type PackagingInfo } from './describe.js';
export { dimensionsFor, dimensionFormulas, type DimensionsAnswer, type DimensionsMm } from './dimensions.js';
export { matingForces, type MatingForces } from './forces.js';
export { matesOf, partnersOf, matedHeightsOf, matingCatalogParts, type MatesAnswer, type MatingPartner } from './mates.js';
export { queryParts, type PartQuery, type QueryAnswer } from './query.js';
export { explainPart, type Explanation, type ExplainedField } from './explain.js';
export { partQueryFromFilters, PART_FILTER_NAMES, ROLE_CHOICES, HEIGHT_CHOICES, PACKAGING_CHOICES, PINS_FILTER_MAX, type PartFilterInput } from './filters.js';
