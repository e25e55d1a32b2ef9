/**
 * Per-intent thresholds from cross-validated (out-of-fold) probabilities: the lowest probability at which an intent's
 * popups are still right often enough. Pure, so the training script and its tests share it.
 */

export interface ScoredMessage {
  /** Probability of each intent, in the model's class order. */
  probabilities: ArrayLike<number>;
  /** Indexes of the intents that would be a right answer (label and `also`); empty for a no-intent message. */
  correct: readonly number[];
}

/** Thresholds tried, in steps of 0.01: below 0.2 a one-vs-rest probability says the intent is unlikely. */
const LOWEST = 0.2;
const HIGHEST = 0.95;
const GRID_STEP = 0.01;

function thresholdGrid(): number[] {
  const grid: number[] = [];
  for (let t = LOWEST; t <= HIGHEST + 1e-9; t += GRID_STEP) grid.push(Math.round(t * 100) / 100);
  return grid;
}

/** The intent the model ranks first, whatever its probability. */
function topIntent(probabilities: ArrayLike<number>): number {
  let best = 0;
  for (let c = 1; c < probabilities.length; c++) if (probabilities[c] > probabilities[best]) best = c;
  return best;
}

export interface OperatingPoint {
  threshold: number;
  precision: number;
  recall: number;
  /** How many messages would get this intent's popup. */
  predicted: number;
}

/**
 * Precision and recall of one intent at each threshold of the grid: as the popup shows it (only as the top intent),
 * or, `anyRank`, whenever its probability reaches the threshold (the urgent flag reads escalation that way).
 */
export function tradeOff(scored: readonly ScoredMessage[], intent: number, anyRank = false): OperatingPoint[] {
  const support = scored.filter((m) => (anyRank ? m.correct.includes(intent) : m.correct[0] === intent)).length;
  return thresholdGrid().map((threshold) => {
    let predicted = 0;
    let right = 0;
    let found = 0;
    for (const m of scored) {
      const shown = (anyRank || topIntent(m.probabilities) === intent) && m.probabilities[intent] >= threshold;
      if (shown) {
        predicted++;
        if (m.correct.includes(intent)) right++;
        if (anyRank ? m.correct.includes(intent) : m.correct[0] === intent) found++;
      }
    }
    return {
      threshold,
      precision: predicted === 0 ? 1 : right / predicted,
      recall: support === 0 ? 1 : found / support,
      predicted,
    };
  });
}

export interface CalibrationTarget {
  /**
   * The precisions to reach, the wanted one first (0.95): where the data cannot give it at any threshold, the next
   * one is tried, and where none can be reached the threshold of best F1 decides.
   */
  precisions: readonly number[];
  /** Precision measured on fewer popups than this is noise; such thresholds do not decide. */
  minPredicted: number;
}

/**
 * The intent to show: the most probable of those that reach their own threshold (`except` one already shown), else
 * none. Thresholds are
 * calibrated on the top intent alone (tradeOff); the cross-validated figures are measured with this rule itself.
 */
export function shownIntent(
  probabilities: ArrayLike<number>,
  thresholds: ArrayLike<number>,
  except: number | null = null,
): number | null {
  let shown: number | null = null;
  for (let c = 0; c < probabilities.length; c++)
    if (
      c !== except &&
      probabilities[c] >= thresholds[c] &&
      (shown === null || probabilities[c] > probabilities[shown])
    )
      shown = c;
  return shown;
}

/**
 * The lowest threshold at which the intent's popups reach the target precision (the most recall that precision
 * allows), for the first target precision the data allows; failing all, the threshold of best F1.
 */
export function calibrateThreshold(points: readonly OperatingPoint[], target: CalibrationTarget): number {
  for (const wanted of target.precisions) {
    const reached = points.find((p) => p.predicted >= target.minPredicted && p.precision >= wanted);
    if (reached) return reached.threshold;
  }
  const f1 = (p: OperatingPoint) =>
    p.precision + p.recall === 0 ? 0 : (2 * p.precision * p.recall) / (p.precision + p.recall);
  return points.reduce((best, p) => (f1(p) > f1(best) ? p : best)).threshold;
}
