/** A repeatable pseudo-random source in [0, 1) (a linear congruential generator): random data sets that fail the same way twice. */
export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}
