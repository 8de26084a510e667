import type { Edit } from '../edits.ts';
import type { NormalizeOptions } from '../options.ts';
export function splitWordEdits(_text: string, _o: NormalizeOptions): Edit[] { return []; }
