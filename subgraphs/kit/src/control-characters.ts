import { BREAK, type DocumentNode, visit } from 'graphql';

/** True when a text holds NUL or another C0 control (bar tab and line breaks), or DEL. */
export function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) return true;
  }
  return false;
}

/**
 * Where a request's string literals or variables hold a control character ('an argument'
 * or the variable's name), else undefined. PostgreSQL refuses NUL in text, so such input
 * would otherwise fail as an internal error deep in a write.
 */
export function controlCharacterIn(
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
): string | undefined {
  let found: string | undefined;
  visit(document, {
    StringValue(node) {
      if (!hasControlCharacter(node.value)) return;
      found = 'an argument';
      return BREAK;
    },
  });
  if (found) return found;
  // a stack, not recursion: a deeply nested variable cannot overflow it
  const stack: [unknown, string][] = Object.entries(variables ?? {}).map(([k, v]) => [v, k]);
  while (stack.length > 0) {
    const [value, name] = stack.pop() as [unknown, string];
    if (typeof value === 'string' && hasControlCharacter(value)) return `$${name}`;
    if (typeof value === 'object' && value !== null)
      for (const [key, item] of Object.entries(value)) {
        if (hasControlCharacter(key)) return `$${name}`;
        stack.push([item, name]);
      }
  }
  return undefined;
}
