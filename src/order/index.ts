export { orderQuantities, MAX_ORDER_PIECES, type OrderPlan, type ReelPlan, type Sourced } from './quantities.js';
export { ORDER_CODES } from './codes.js';
