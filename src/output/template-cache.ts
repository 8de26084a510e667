/**
 * Whether a build may use Eleventy's template cache, which lasts the whole process and only watch mode invalidates: a process that builds
 * again after a template or the configuration changed turns it off (setUseTemplateCache, documented); otherwise it stays on.
 */

/** What this process's first build of each templates folder read: Eleventy's caches hold that. */
const firstRead = new Map<string, string>();

/** `inputs`: a digest of the templates folder and the configuration the build renders with. */
export function mayUseTemplateCache(templatesDir: string, inputs: string): boolean {
  const first = firstRead.get(templatesDir);
  if (first === undefined) firstRead.set(templatesDir, inputs);
  return first === undefined || first === inputs;
}
