import { type OperationDefinitionNode, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { onlyPublicMutations } from './anonymous-writes.js';

const operation = (source: string) => parse(source).definitions[0] as OperationDefinitionNode;

describe('onlyPublicMutations', () => {
  it('lets a public comment or a public topic through', () => {
    expect(
      onlyPublicMutations(operation('mutation { commentOnProposal(id: "x", body: "好") { id } }')),
    ).toBe(true);
    expect(onlyPublicMutations(operation('mutation { submitPublicTopic(input: {}) { id } }'))).toBe(
      true,
    );
  });

  it('refuses any operation that also asks for a staff mutation', () => {
    expect(
      onlyPublicMutations(
        operation(
          'mutation { commentOnProposal(id: "x", body: "好") { id } registerProposal(id: "x") { id } }',
        ),
      ),
    ).toBe(false);
    expect(
      onlyPublicMutations(
        operation('mutation { ...F } fragment F on Mutation { createMember { id } }'),
      ),
    ).toBe(false);
  });
});
