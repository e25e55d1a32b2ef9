/**
 * The settings the solutions depend on. Their defaults live with the other shop settings
 * (lib/settings.ts: lateShipCompensationYuan 3).
 */
export interface SolutionSettings {
  /** The coupon (yuan) the platform gives a buyer whose order ships late, charged to the shop's deposit. */
  lateShipCompensationYuan: number;
}

/**
 * When a late order is promised to go out: the next 18:00 (a common daily courier pickup)
 * at least 4 hours away, so the warehouse has time to pack it.
 */
export const DISPATCH_CUTOFF_HOUR = 18;
export const DISPATCH_LEAD_HOURS = 4;
