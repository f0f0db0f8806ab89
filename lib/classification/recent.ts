/**
 * A memo of the last few values computed per key object (compared by identity). The rules of one school read
 * the same rows several times in a row (R1 and R2; R3 of a year and of the year after); a memo over the whole
 * run would keep a value for every school and year alive until the run ends, which at national scale is
 * hundreds of megabytes. `compute` must give the same value for the same key.
 */
export function recentMemo<K extends object, V>(size: number): (key: K, compute: () => V) => V {
  const keys: (K | undefined)[] = new Array<K | undefined>(size).fill(undefined);
  const values: (V | undefined)[] = new Array<V | undefined>(size).fill(undefined);
  let next = 0;
  return (key, compute) => {
    for (let i = 0; i < size; i++) if (keys[i] === key) return values[i] as V;
    const value = compute();
    keys[next] = key;
    values[next] = value;
    next = (next + 1) % size;
    return value;
  };
}
