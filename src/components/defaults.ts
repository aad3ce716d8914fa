/**
 * Props over a component's defaults object. A prop passed as `undefined` keeps its default, as
 * React's `defaultProps` did; a plain `{ ...defaults, ...props }` would let it erase the default.
 */
export function withDefaults<P extends object, D extends Partial<P>>(props: P, defaults: D): Omit<P, keyof D> & Required<Pick<P, Extract<keyof D, keyof P>>> {
  const merged = { ...props } as Record<string, unknown>;
  for (const [key, value] of Object.entries(defaults)) {
    if (merged[key] === undefined) merged[key] = value;
  }
  return merged as Omit<P, keyof D> & Required<Pick<P, Extract<keyof D, keyof P>>>;
}
