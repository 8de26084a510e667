/**
 * The URL of a worker thread's module beside the module that starts it: its compiled JavaScript (`name.js`) when the caller runs from
 * dist/, else the plain-JavaScript `name.mjs` beside it in src/, which registers the TypeScript loader in its thread first.
 */
export function workerUrl(callerUrl: string, name: string): URL {
  return new URL(callerUrl.endsWith('.js') ? `./${name}.js` : `./${name}.mjs`, callerUrl);
}
