import { describe, expect, it } from 'vitest';
import { prismaColumns } from './schema-drift.js';

describe('prismaColumns', () => {
  it('reads tables, columns, types and nullability, and skips relations', () => {
    const columns = prismaColumns(`
enum Colour {
  GREEN
}
model Proposal {
  id        String   @id @db.Uuid
  title     String
  deadline  DateTime? @db.Date
  colour    Colour
  keywords  String[]
  search    Unsupported("tsvector")? @map("search_text")
  createdAt DateTime @default(now()) @map("created_at") @db.Timestamptz
  replies   Reply[]
  @@map("proposal")
}
model Reply {
  id         String   @id @db.Uuid
  proposal   Proposal @relation(fields: [proposalId], references: [id])
  proposalId String   @map("proposal_id") @db.Uuid
}`);
    expect([...columns].toSorted()).toEqual([
      'Reply.id: uuid, not null',
      'Reply.proposal_id: uuid, not null',
      'proposal.colour: USER-DEFINED, not null',
      'proposal.created_at: timestamp with time zone, not null',
      'proposal.deadline: date, null',
      'proposal.id: uuid, not null',
      'proposal.keywords: ARRAY, not null',
      'proposal.search_text: tsvector, null',
      'proposal.title: text, not null',
    ]);
  });

  it('reads a model to its closing line, past braces in a default', () => {
    const columns = prismaColumns(`
model Member {
  id         String @id @db.Uuid
  dutyCounts Json   @default("{}") @map("duty_counts") @db.JsonB
  dutyScore  Int    @default(0) @map("duty_score")
  @@map("member")
}`);
    expect([...columns].toSorted()).toEqual([
      'member.duty_counts: jsonb, not null',
      'member.duty_score: integer, not null',
      'member.id: uuid, not null',
    ]);
  });
});
