import { describe, expect, it } from 'vitest';
import { documentTokens, queryTokens, searchColumns } from './search-text.js';

describe('search tokens', () => {
  it('indexes Chinese as character pairs and single characters', () => {
    expect(documentTokens('污水治理')).toEqual(['污水', '水治', '治理', '污', '水', '治', '理']);
  });

  it('cuts each run apart, a one-character run into itself', () => {
    expect(queryTokens('水，污水治理；河长制')).toEqual([
      '水',
      '污水',
      '水治',
      '治理',
      '河长',
      '长制',
    ]);
    // Ⅱ is II once normalised: a word, listed after the characters
    expect(documentTokens('豫 Ⅱ期：兼容')).toEqual(['豫', '期', '兼容', '兼', '容', 'ii']);
  });

  it('cuts a query into the pairs it must contain, or the character alone', () => {
    expect(queryTokens('乡村振兴')).toEqual(['乡村', '村振', '振兴']);
    expect(queryTokens('养老')).toEqual(['养老']);
    expect(queryTokens('水')).toEqual(['水']);
  });

  it('breaks runs at punctuation and spaces, and keeps Latin words and numbers lower-case', () => {
    expect(queryTokens('5G基站，养老 服务 AI')).toEqual(['基站', '养老', '服务', '5g', 'ai']);
    expect(queryTokens('Ｗｉ－Ｆｉ')).toEqual(['wi', 'fi']);
  });

  it('drops repeated tokens and finds nothing to match in punctuation alone', () => {
    expect(queryTokens('养老 养老')).toEqual(['养老']);
    expect(queryTokens('，。！ ')).toEqual([]);
  });

  it('builds the indexed columns from title with keywords, and body', () => {
    expect(
      searchColumns({ title: '关于养老', keywords: ['居家养老', 'AI'], body: '社区' }),
    ).toEqual({
      searchHead: '关于 于养 养老 关 于 养 老 居家 家养 养老 居 家 养 老 ai',
      searchBody: '社区 社 区',
    });
  });
});
