import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { controlCharacterIn, hasControlCharacter } from './control-characters.js';

describe('control characters in a request', () => {
  it('are found in literals and variables, keys included', () => {
    expect(controlCharacterIn(parse('{ a(b: "x\\u0000") }'), {})).toBe('an argument');
    expect(controlCharacterIn(parse('{ a }'), { input: { list: ['ok', 'n\u0000'] } })).toBe(
      '$input',
    );
    expect(controlCharacterIn(parse('{ a }'), { input: { 'k\u0007': 1 } })).toBe('$input');
  });

  it('leave tabs, line breaks and ordinary text alone', () => {
    expect(hasControlCharacter('第一行\r\n\t第二行')).toBe(false);
    expect(controlCharacterIn(parse('{ a(b: "x\\ny") }'), { n: 1, s: null })).toBeUndefined();
  });
});
