import { markReadMutation, tasksQuery } from '../queries.js';
import { graphql } from './api.js';
import { el, link } from './dom.js';
import { label } from './labels.js';

interface Task {
  id: string;
  kind: string;
  recordId: string;
  title: string;
  colour: string;
  reason: string;
  createdAt: string;
  readAt: string | null;
}
type Inbox = Record<'myTasks' | 'myConsultationTasks', { edges: { node: Task }[] }>;

/** The caller's tasks, each with the subgraph that holds it (to mark it read there). */
async function inbox(region: string) {
  const { data, errors } = await graphql<Inbox>(tasksQuery, { region });
  const tasks = [
    ...(data.myTasks?.edges ?? []).map((e) => ({ ...e.node, holder: 'proposals' as const })),
    ...(data.myConsultationTasks?.edges ?? []).map((e) => ({
      ...e.node,
      holder: 'consultations' as const,
    })),
  ].toSorted((a, b) => b.createdAt.localeCompare(a.createdAt));
  return { tasks, errors };
}

/** How many of the caller's tasks are unread: the header's badge. */
export async function unreadTasks(region: string): Promise<number> {
  const { tasks } = await inbox(region);
  return tasks.filter((t) => !t.readAt).length;
}

/** 我的待办: reminders sent by the schedulers when records turned yellow or red. */
export async function tasksView(region: string, redraw: () => void): Promise<HTMLElement[]> {
  const { tasks, errors } = await inbox(region);
  const rows = tasks.map((t) => {
    const read = el('button', { type: 'button', 'data-mark-read': t.id }, '标记已读');
    read.addEventListener('click', async () => {
      await graphql(markReadMutation[t.holder], { id: t.id });
      redraw();
    });
    return el(
      'tr',
      { 'data-task': t.id, class: t.readAt ? 'done' : 'open' },
      el(
        'td',
        {},
        el('span', { class: `dot ${t.colour.toLowerCase()}` }, label('Colour', t.colour)),
      ),
      el('td', {}, label('TaskKind', t.kind)),
      el('td', {}, t.kind === 'PROPOSAL' ? link(`/proposal/${t.recordId}`, t.title) : t.title),
      el('td', {}, t.reason),
      el('td', {}, t.createdAt.slice(0, 16).replace('T', ' ')),
      el('td', {}, t.readAt ? '已读' : read),
    );
  });
  return [
    el('h2', {}, `我的待办 ${tasks.filter((t) => !t.readAt).length} 件未读`),
    ...errors.map((e) => el('p', { class: 'refusal' }, `部分待办无法显示：${e.message}`)),
    tasks.length === 0
      ? el('p', { class: 'note' }, '暂无待办。记录转为黄色或红色时，系统会自动催办并送到这里。')
      : el(
          'table',
          { class: 'list', 'data-list': 'tasks' },
          el(
            'tr',
            {},
            ['三色', '类别', '事项', '催办事由', '时间', ''].map((h) => el('th', {}, h)),
          ),
          rows,
        ),
  ];
}
