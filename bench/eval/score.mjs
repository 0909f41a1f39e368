/**
 * Confusion counts and precision / recall / F1 for a list of yes/no predictions, with the names
 * of the misses (for reading them). Shared by the accuracy scripts.
 * @param {{ name: string, predicted: boolean, actual: boolean }[]} items
 */
export function score(items) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  const misses = [];
  for (const { name, predicted, actual } of items) {
    if (predicted && actual) tp++;
    else if (predicted && !actual) {
      fp++;
      misses.push(`FP ${name}`);
    } else if (!predicted && actual) {
      fn++;
      misses.push(`FN ${name}`);
    } else tn++;
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, tn, precision, recall, f1, misses };
}
