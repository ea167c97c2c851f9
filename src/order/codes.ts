/** Codes of src/order (input errors of `orderQuantities`; invalid part numbers keep their src/partnumber code). */
export const ORDER_CODES = {
  ORDER_BAD_QUANTITY: { summary: 'The quantity is not a whole number of pieces ≥ 1.', fix: 'Give the number of pieces needed, e.g. 12000.' },
  ORDER_QUANTITY_TOO_LARGE: {
    summary: 'The quantity is beyond any plausible order (more than 10⁹ pieces).',
    fix: 'Check the number; give pieces, not a total price or a part number.',
  },
  ORDER_NO_PACKAGING: {
    summary: 'The part is well formed but not listed: the catalog gives packing for listed parts only, so it has no catalog packing.',
    fix: 'Ask Panasonic sales for the packaging, or use a listed part.',
  },
} as const;
