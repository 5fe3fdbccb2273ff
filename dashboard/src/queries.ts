// The GraphQL the dashboard asks, all through the node's gateway with the caller's token:
// plain strings, bundled into the browser app and exported from the package, so that
// `npm run bench:dashboard` times exactly what the page sends.

const regionRef = 'region { code name level }';
const colours = 'byColour { colour count }';

/**
 * Every panel's figures for one region's subtree and period, one root field each: sent
 * side by side, so one panel's refusal or failure never blanks the others.
 */
export const overviewFields = {
  proposalStatistics: `proposalStatistics(region: $region, period: $period) {
    total { ${regionRef} total byStatus { status count } ${colours} averageHandlingDays satisfactionRate }
    byRegion { ${regionRef} total ${colours} averageHandlingDays satisfactionRate }
  }`,
  consultationStatistics: `consultationStatistics(region: $region, period: $period) {
    total { consultations participants suggestions adoptedSuggestions adoptionRate byPlatform { platform count } }
    byRegion { ${regionRef} consultations suggestions adoptionRate }
  }`,
  opinionIndex: `opinionIndex(region: $region, period: $period) {
    total { collected dispatched closed closureRate satisfactionRate overdue submitters activity }
    byRegion { committee { code name level } subtree collected closureRate }
  }`,
  supervisionStatistics: `supervisionStatistics(region: $region, period: $period) {
    total { total byStatus { status count } ${colours} overdue reminders }
    byRegion { ${regionRef} total overdue }
  }`,
  memberStatistics: `memberStatistics(region: $region) {
    total { ${regionRef} total bySector { sector count } byLevel { level count } }
    byRegion { ${regionRef} total }
  }`,
  handlingUnitStatistics: `handlingUnitStatistics(region: $region, period: $period) {
    name kind parentName inDirectory assigned replied overdue itemsAnswered adoptionRate rated satisfactionRate averageHandlingDays
  }`,
  jointSessions: `jointSessions(region: $region, first: 50) {
    totalCount
    edges { node { id title kind stage heldOn parties { region { code name } committee } } }
  }`,
};

/** One root field as a whole query, declaring only the variables it uses. */
export const fieldQuery = (field: string): string => {
  const declared = [
    field.includes('$region') && '$region: ID!',
    field.includes('$period') && '$period: PeriodInput',
  ].filter(Boolean);
  return `query${declared.length ? `(${declared.join(', ')})` : ''} { ${field} }`;
};

/** 一村一委员 at a county: its villages with and without a member. */
export const coverageQuery = `query Coverage($region: ID!) {
  villageCoverage(region: $region) { total covered byTown { town { code name } total covered } }
}`;

/** The terms of a committee's members: the newest is the one sitting. */
export const currentTermQuery = `query Term($region: ID!) {
  members(region: $region, first: 100) { edges { node { term } } }
}`;

/** 履职: a committee's members and their duty summaries, as their own nodes publish them. */
export const activityQuery = `query Activity($region: ID!, $term: Int!) {
  memberActivity(region: $region, term: $term) {
    total { members active coverage averageScore medianScore byKind { kind count } }
  }
}`;

/** Each county's figures across a province, one city's report at a time. */
export const countyFiguresQuery = (
  cities: string[],
): string => `query CountyFigures($period: PeriodInput) {
${cities
  .map(
    (
      city,
    ) => `  p${city}: proposalStatistics(region: "${city}", period: $period) { byRegion { region { code } total ${colours} satisfactionRate } }
  c${city}: consultationStatistics(region: "${city}", period: $period) { byRegion { region { code } adoptionRate } }
  o${city}: opinionIndex(region: "${city}", period: $period) { byRegion { committee { code } closureRate } }`,
  )
  .join('\n')}
}`;

const proposalRow = `id number title status colour category submittedAt deadline
  region { code name } proposer { name } collectiveProposer`;

export const proposalsQuery = `query Proposals($region: ID!, $after: String) {
  proposals(region: $region, includeSubregions: true, first: 20, after: $after) {
    totalCount edges { node { ${proposalRow} } } pageInfo { hasNextPage endCursor }
  }
}`;

/** 黄红牌: what is late or about to be, across the subtree. */
export const queueQuery = `query Queue($region: ID!) {
  proposalsByColour(region: $region, includeSubregions: true, first: 50) {
    totalCount edges { node { ${proposalRow} } }
  }
  opinionItems(region: $region, includeSubregions: true, overdue: true, first: 50) {
    totalCount edges { node { id title status colour deadline region { code name } } }
  }
}`;

export const proposalQuery = `query Proposal($id: ID!) {
  proposal(id: $id) {
    ${proposalRow} term session body keywords isKey round assignedAt repliedAt
    coProposers { name }
    suggestions { seq text }
    handlingUnits { name role suggestionSeqs }
    replies { suggestionSeq unit round outcome text repliedAt }
    evaluations { by rating comment evaluatedAt }
    urges { kind by note at }
  }
}`;

const taskFields = 'id kind recordId title colour reason createdAt readAt';

/** 待办: the caller's reminders from both subgraphs that send them, newest first. */
export const tasksQuery = `query Tasks($region: ID!) {
  myTasks(region: $region, first: 100) { totalCount edges { node { ${taskFields} } } }
  myConsultationTasks(region: $region, first: 100) { totalCount edges { node { ${taskFields} } } }
}`;

export const markReadMutation = {
  proposals: `mutation($id: ID!) { markTaskRead(id: $id) { id readAt } }`,
  consultations: `mutation($id: ID!) { markConsultationTaskRead(id: $id) { id readAt } }`,
};
