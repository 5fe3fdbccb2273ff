/** Chinese names of the contract's enums, as staff read them. */
export const labels: Record<string, Record<string, string>> = {
  ProposalStatus: {
    SUBMITTED: '已提出',
    SIGNED_IN: '已签收',
    PRE_REVIEWED: '已预审',
    REGISTERED: '已立案',
    DECLINED: '不予立案',
    CONVERTED: '转意见信',
    ASSIGNED: '已交办',
    REPLIED: '已答复',
    EVALUATED: '已评价',
    SECOND_ROUND: '二轮办理',
    CLOSED: '已办结',
  },
  ProposalCategory: {
    ECONOMY: '经济类',
    AGRICULTURE_RURAL: '农业农村类',
    URBAN_RURAL_DEVELOPMENT: '城乡建设类',
    EDUCATION_SCIENCE_HEALTH: '教科卫体类',
    CULTURE_HISTORY: '文化文史类',
    SOCIETY_LAW: '社会法制类',
    ETHNIC_RELIGIOUS: '民族宗教类',
    GENERAL: '综合类',
  },
  ConsultationPlatform: {
    PLEASE_COME_AND_CONSULT: '请你来协商',
    LIVELIHOOD_HALL: '民生议事堂',
    VILLAGE_STATION: '协商驿站',
    SECTOR_ROUND_TABLE: '界别圆桌会',
    FACE_TO_FACE: '面对面',
    SPECIAL_TOPIC: '专题协商',
    COUNTERPART: '对口协商',
    SECTOR: '界别协商',
    PROPOSAL_HANDLING: '提案办理协商',
    ONLINE: '网络议政',
  },
  SupervisionStatus: {
    DISPATCHED: '已派单',
    INSPECTING: '实地察看',
    CONSULTING: '协商',
    LETTER_ISSUED: '已出具建议书',
    FOLLOW_UP: '回头看',
    CLOSED: '已办结',
  },
  JointStage: {
    TOPIC: '议题联定',
    PLAN: '方案联审',
    RESEARCH: '调研联查',
    DELIBERATION: '协商联议',
    OUTCOMES: '成果联享',
    SUPERVISION: '监督联动',
    CLOSED: '已完成',
  },
  JointSessionKind: { CROSS_PROVINCE: '跨省', THREE_LEVEL: '三级会商', CROSS_REGION: '跨区域' },
  Colour: { GREEN: '绿', YELLOW: '黄', RED: '红' },
  RegionLevel: { PROVINCE: '省级', CITY: '市级', COUNTY: '县级', TOWN: '乡镇', VILLAGE: '村' },
  HandlingRole: { LEAD: '主办', CO: '协办' },
  ReplyOutcome: {
    ADOPTED: '采纳',
    PARTLY_ADOPTED: '部分采纳',
    EXPLAINED: '解释说明',
    NOT_ADOPTED: '未采纳',
  },
  Satisfaction: { SATISFIED: '满意', BASIC: '基本满意', UNSATISFIED: '不满意' },
  UrgeKind: { REMIND: '催办', ESCALATE: '督办' },
  Role: {
    public: '公众',
    reader: '查阅',
    member: '委员',
    unit: '承办单位',
    staff: '工作人员',
    admin: '管理员',
  },
};

/** The Chinese name of an enum value, or the value itself when none is known. */
export const label = (kind: string, value: string | null | undefined): string =>
  value ? (labels[kind]?.[value] ?? value) : '—';

export const colourHex: Record<string, string> = {
  GREEN: '#2e9d5b',
  YELLOW: '#e6b422',
  RED: '#d9423b',
};

/** A share (0–1) as a percentage, or a dash when there is nothing to divide. */
export const percent = (share: number | null | undefined): string =>
  share === null || share === undefined ? '—' : `${(share * 100).toFixed(1)}%`;

export const decimal = (value: number | null | undefined, digits = 1): string =>
  value === null || value === undefined ? '—' : value.toFixed(digits);

const collator = new Intl.Collator('zh-CN');
/** Chinese text in the order of its pinyin, as staff expect lists sorted. */
export const byChinese = (a: string, b: string): number => collator.compare(a, b);
