/**
 * `fn` remembering its answer for the last argument (by identity). The store replaces its map of
 * incidents on every change, so several views asking about the same map share one computation.
 */
export function memoLast<A extends object, R>(fn: (arg: A) => R): (arg: A) => R {
  let last: { arg: A; result: R } | null = null;
  return (arg) => {
    if (last?.arg !== arg) last = { arg, result: fn(arg) };
    return last.result;
  };
}
