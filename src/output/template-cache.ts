/**
 * Whether a build may use Eleventy's template cache. Eleventy keeps template files' text and
 * layouts in caches of the whole process that only its watch mode invalidates, so a process that
 * builds again after a template or the configuration changed (tests, a program calling build())
 * would render what its first build read. Such builds turn the cache off (setUseTemplateCache, the
 * switch Eleventy documents); a build that reads what the first one read keeps it, and its speed.
 */

/** What this process's first build of each templates folder read: Eleventy's caches hold that. */
const firstRead = new Map<string, string>();

/** `inputs`: a digest of the templates folder and the configuration the build renders with. */
export function mayUseTemplateCache(templatesDir: string, inputs: string): boolean {
  const first = firstRead.get(templatesDir);
  if (first === undefined) firstRead.set(templatesDir, inputs);
  return first === undefined || first === inputs;
}
