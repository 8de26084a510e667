/**
 * Type declarations for the untyped modules the site stage imports (@11ty/eleventy-img, @11ty/eleventy-plugin-rss, nunjucks), covering
 * only what Warraq uses. Types only.
 */
declare module '@11ty/eleventy-img' {
  const Image: (src: string, options?: Record<string, unknown>) => Promise<Record<string, unknown>>;
  export default Image;
}
declare module '@11ty/eleventy-plugin-rss' {
  const rssPlugin: unknown;
  export default rssPlugin;
}
declare module 'nunjucks' {
  export const runtime: { markSafe(s: string): unknown; SafeString: new (s: string) => unknown };
  const nunjucks: { runtime: typeof runtime };
  export default nunjucks;
}
