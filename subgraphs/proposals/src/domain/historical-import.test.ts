import { describe, expect, it } from 'vitest';
import { ImportTooLargeError, InvalidImportError } from '../errors.js';
import { type ImportedProposalInput, maxImportBatch, planImport } from './historical-import.js';

const evaluated: ImportedProposalInput = {
  term: 16,
  session: 1,
  number: 12,
  title: '关于推进农村生活污水治理设施长效运维的建议',
  body: '农村生活污水治理设施建成后缺乏专业运维，部分终端出水水质不稳定，需要建立长效机制。',
  keywords: ['农村污水'],
  category: 'AGRICULTURE_RURAL',
  collectiveProposer: '民盟德清县基层委员会',
  suggestions: ['建立县镇村三级运维责任清单', '引入第三方专业运维'],
  status: 'EVALUATED',
  submittedAt: '2017-01-10T09:00:00+08:00',
  registeredAt: '2017-01-20T09:00:00+08:00',
  assignedAt: '2017-02-01T09:00:00+08:00',
  repliedAt: '2017-04-17T09:00:00+08:00',
  units: [{ name: '德清县生态环境局', role: 'LEAD' }],
  itemReplies: [
    { outcome: 'ADOPTED', text: '已建立县镇村三级运维责任清单。' },
    { outcome: 'PARTLY_ADOPTED', text: '已在三个镇试点第三方运维。' },
  ],
  proposerRating: 'SATISFIED',
  crossTermOutcome: 'DONE',
  crossTermSortedIn: 17,
};

const refusal = (records: ImportedProposalInput[]) => {
  try {
    planImport(records);
  } catch (error) {
    return error as InvalidImportError;
  }
  throw new Error('accepted');
};

describe('historical import', () => {
  it('turns a final-state record into its rows', () => {
    const [proposal] = planImport([evaluated]);
    expect(proposal).toMatchObject({
      number: 12,
      status: 'EVALUATED',
      collectiveProposer: '民盟德清县基层委员会',
      assignedAt: new Date('2017-02-01T01:00:00Z'),
      itemReplies: [{ outcome: 'ADOPTED' }, { outcome: 'PARTLY_ADOPTED' }],
      crossTermOutcome: 'DONE',
      crossTermSortedIn: 17,
    });
  });

  it('refuses the batch at the first bad record, naming its index and reason', () => {
    const cases: Partial<ImportedProposalInput>[] = [
      { number: null },
      { status: 'PRE_REVIEWED' },
      { repliedAt: null },
      { itemReplies: [{ outcome: 'ADOPTED', text: '已采纳。' }] },
      { units: [{ name: '德清县生态环境局', role: 'CO' }] },
      { assignedAt: '2016-12-01T09:00:00+08:00' },
      { crossTermSortedIn: 16 },
      { submittedAt: 'last spring' },
      { collectiveProposer: null },
    ];
    for (const change of cases) {
      const error = refusal([evaluated, { ...evaluated, number: 13, ...change }]);
      expect(error, JSON.stringify(change)).toBeInstanceOf(InvalidImportError);
      expect(error.fields).toMatchObject({ index: 1 });
    }
  });

  it('refuses a number given twice in one batch', () => {
    expect(refusal([evaluated, evaluated]).fields).toMatchObject({ index: 1 });
  });

  it('takes declined proposals without a number, and no more than the batch limit', () => {
    const declined = {
      ...evaluated,
      number: null,
      status: 'DECLINED' as const,
      registeredAt: null,
      assignedAt: null,
      repliedAt: null,
      units: [],
      itemReplies: [],
      proposerRating: null,
      crossTermOutcome: null,
      crossTermSortedIn: null,
    };
    expect(planImport([declined])[0]).toMatchObject({ number: null, status: 'DECLINED' });
    expect(() => planImport(Array(maxImportBatch + 1).fill(declined))).toThrow(ImportTooLargeError);
  });
});
