/**
 * The sets of clean copy written apart from the rules (tests/fixtures/<set>/*.txt, one paragraph a line), which the repair must leave
 * as they are: measured line by line (tests/unit/clean-text.test.ts) and built into pages (tests/integration/clean-pages.test.ts).
 */
export const CLEAN_SETS = [
  'clean-habits',
  'clean-apart6',
  'clean-apart7',
  'clean-apart8',
  'clean-apart10',
  'clean-apart11',
  'clean-apart12',
  'clean-apart13',
  'clean-apart14',
  'clean-apart15',
  'clean-apart16',
  'clean-apart17',
  'clean-apart18',
  'clean-apart19',
  'clean-apart20',
  'clean-apart21',
  'clean-apart22',
  'clean-apart23',
  'clean-apart24',
  'clean-apart25',
  'clean-apart26',
  'clean-apart27',
  'clean-apart28',
  'clean-apart29',
  'clean-apart30',
  'clean-apart31',
  'clean-apart32',
];
