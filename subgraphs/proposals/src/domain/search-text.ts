/**
 * Full-text search for Chinese without a segmenter or extension: CJK text has no spaces
 * between words, so every run of Han characters is indexed as overlapping character pairs
 * (污水治理 → 污水 水治 治理) plus each single character, and Latin letters and digits as
 * lower-case words. A query is cut the same way and every token must match, so 污水 finds
 * 农村生活污水 and 乡村振兴 needs 乡村, 村振 and 振兴 together. PostgreSQL's `simple`
 * configuration then stores the tokens as they are.
 */

// Han ideographs (basic block and extension A) and compatibility ideographs.
const hanRun = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;
const word = /[\p{Script=Latin}\p{Nd}]+/gu;

function hanTokens(run: string, singles: boolean): string[] {
  const chars = [...run];
  const pairs = chars.slice(1).map((char, i) => `${chars[i]}${char}`);
  return singles || chars.length === 1 ? [...pairs, ...chars] : pairs;
}

function tokens(text: string, singles: boolean): string[] {
  const normal = text.normalize('NFKC').toLowerCase();
  return [
    ...[...normal.matchAll(hanRun)].flatMap(([run]) => hanTokens(run, singles)),
    ...[...normal.matchAll(word)].map(([w]) => w),
  ];
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
