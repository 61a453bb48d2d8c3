/** Test cards the simulated card terminal understands, like a payment provider's sandbox. Any other card is approved. */
export const SIMULATOR_CARDS = {
  approved: 'sim-card-approved',
  declined: 'sim-card-declined',
  insufficientFunds: 'sim-card-insufficient-funds',
} as const;
