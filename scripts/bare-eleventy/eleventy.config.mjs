// The reference: a bare Eleventy 3 site over the same corpus. Markdown files with front matter
// (rendered by Eleventy's default markdown-it), one Nunjucks layout, a paginated index.
// The benchmark links the corpus into posts/ next to this file's copy.
export default function (eleventyConfig) {
  eleventyConfig.setQuietMode(true);
}

export const config = {
  dir: { input: '.', includes: '_includes', output: '_site' },
  templateFormats: ['md', 'njk'],
  markdownTemplateEngine: false,
  htmlTemplateEngine: 'njk',
};
