// node-postgres exports this module (package.json "exports": "./lib/*") without typings for it.
declare module 'pg/lib/utils.js' {
  const utils: {
    /** How node-postgres writes a JS value as a text parameter (arrays as array literals, objects as JSON). */
    prepareValue(value: unknown): unknown;
  };
  export default utils;
}
