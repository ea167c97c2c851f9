export { circuitJsonPart, circuitJsonOfLandPattern, type CircuitJsonPart, type CircuitJsonElement, type CircuitJsonPoint } from './circuit-json.js';
