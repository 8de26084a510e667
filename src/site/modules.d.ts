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
