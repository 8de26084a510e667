/**
 * Tokenized corpus text (CAMeL Lab's TSVs: punctuation a token of its own) put back as written: punctuation against its word
 * (`قال ،` → `قال،`, `( نص )` → `(نص)`), one space between words.
 */
export const detokenize = (s: string): string =>
  s
    .replace(/\s+([،,.:؛;؟?!)\]»%])/g, '$1')
    .replace(/([([«])\s+/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
