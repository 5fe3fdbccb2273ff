/**
 * Full-text search for Chinese without a segmenter or extension: CJK text has no spaces
 * between words, so every run of Han characters is indexed as overlapping character pairs
 * (污水治理 → 污水 水治 治理) plus each single character, and Latin letters and digits as
 * lower-case words. A query is cut the same way and every token must match, so 污水 finds
 * 农村生活污水 and 乡村振兴 needs 乡村, 村振 and 振兴 together. PostgreSQL's `simple`
 * configuration then stores the tokens as they are.
 */

// Han ideographs (basic block and extension A) and compatibility ideographs: all in the
// Basic Multilingual Plane, so one UTF-16 unit each.
const isHan = (unit: number) =>
  (unit >= 0x3400 && unit <= 0x4dbf) ||
  (unit >= 0x4e00 && unit <= 0x9fff) ||
  (unit >= 0xf900 && unit <= 0xfaff);
const word = /[\p{Script=Latin}\p{Nd}]+/gu;

/** Each run's pairs, then (with `singles`, or for a one-character run) its characters. */
function hanTokens(text: string, singles: boolean, out: string[]) {
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && isHan(text.charCodeAt(i))) {
      if (start < 0) start = i;
      continue;
    }
    if (start < 0) continue;
    for (let j = start + 1; j < i; j++) out.push(text.slice(j - 1, j + 1));
    if (singles || i - start === 1) for (let j = start; j < i; j++) out.push(text[j] as string);
    start = -1;
  }
}

// A loop, not regular expressions and spreads: every replica a node applies is cut here.
function tokens(text: string, singles: boolean): string[] {
  const normal = text.normalize('NFKC').toLowerCase();
  const out: string[] = [];
  hanTokens(normal, singles, out);
  for (const [w] of normal.matchAll(word)) out.push(w);
  return out;
}

/** The tokens a text is indexed under: pairs, single characters and words, in order. */
export const documentTokens = (text: string): string[] => tokens(text, true);

/**
 * The distinct tokens a query must all match: pairs for runs of two or more characters,
 * the character itself for a one-character run. Empty when the query has nothing to match.
 */
export const queryTokens = (query: string): string[] => [...new Set(tokens(query, false))];

/**
 * The columns `search_text` is generated from: title and keywords (weighted first when
 * ranking), then the body.
 */
export const searchColumns = (proposal: {
  title: string;
  body: string;
  keywords: string[];
}): { searchHead: string; searchBody: string } => ({
  searchHead: documentTokens([proposal.title, ...proposal.keywords].join(' ')).join(' '),
  searchBody: documentTokens(proposal.body).join(' '),
});
