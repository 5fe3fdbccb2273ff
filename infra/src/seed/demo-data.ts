// Demo data for the province, city and county nodes, drawn from the cases in
// shared/seeds (places, platforms, themes and figures are real; members are invented).

export interface DemoMember {
  name: string;
  gender: 'MALE' | 'FEMALE';
  sector: string;
  party: string;
  roles?: string[];
  specialCommittees?: string[];
  workplace?: string;
  linkedVillages?: string[];
}

export interface DemoProposal {
  title: string;
  body: string;
  keywords: string[];
  category: string;
  /** Index into the committee's members; the first is the lead. */
  proposers: number[];
  suggestions: string[];
  /** How far along the lifecycle the demo takes it. */
  stage: 'SUBMITTED' | 'REGISTERED' | 'ASSIGNED' | 'REPLIED' | 'EVALUATED';
  units?: { name: string; role: 'LEAD' | 'CO' }[];
  /** Deadline in days from today (negative: overdue). */
  deadlineInDays?: number;
}

export interface DemoConsultation {
  title: string;
  description: string;
  platform: string;
  topicSource: string;
  venue?: string;
  venueName?: string;
  heldOn: string;
  participants: { member?: number; name?: string; kind: string; affiliation?: string }[];
  suggestions: string[];
  /** How many of the suggestions were adopted (the rest partly or pending). */
  adopted: number;
}

export interface DemoJointSession {
  title: string;
  description: string;
  kind: string;
  hostCommittee: string;
  partners: { region: string; committee: string }[];
  heldOn: string;
  venueName: string;
}

/** A unit of a committee's directory of handling units; a parent comes before its units. */
export interface DemoHandlingUnit {
  name: string;
  kind:
    | 'GOVERNMENT_DEPARTMENT'
    | 'PARTY_DEPARTMENT'
    | 'PEOPLES_ORGANISATION'
    | 'ENTERPRISE'
    | 'OTHER';
  parentName?: string;
}

export interface DemoCommittee {
  region: string;
  committee: string;
  term: number;
  /**
   * The committee's directory of handling units, defined before its proposals are assigned:
   * once it has any, assignProposal takes only its names, so it holds every unit the
   * committee's proposals name.
   */
  handlingUnits?: DemoHandlingUnit[];
  members: DemoMember[];
  proposals: DemoProposal[];
  consultations: DemoConsultation[];
  jointSessions: DemoJointSession[];
  supervisionTasks: { title: string; source: string; committee: string; deadlineInDays: number }[];
  opinionItems: {
    title: string;
    body: string;
    category: string;
    place?: string;
    submitter: number;
  }[];
}

const longBody = (topic: string, facts: string) =>
  `${topic}是群众普遍关心的问题。${facts}为此，建议在深入调研的基础上，明确责任主体，完善工作机制，加强部门协同，推动问题在年度内取得实效。`;

export const demoCommittees: DemoCommittee[] = [
  {
    region: '330503',
    committee: '湖州市南浔区政协',
    term: 10,
    handlingUnits: [
      { name: '南浔区人民政府', kind: 'GOVERNMENT_DEPARTMENT' },
      { name: '南浔区发展和改革局', kind: 'GOVERNMENT_DEPARTMENT', parentName: '南浔区人民政府' },
      { name: '南浔区经济和信息化局', kind: 'GOVERNMENT_DEPARTMENT', parentName: '南浔区人民政府' },
      { name: '南浔区财政局', kind: 'GOVERNMENT_DEPARTMENT', parentName: '南浔区人民政府' },
      { name: '南浔区农业农村局', kind: 'GOVERNMENT_DEPARTMENT', parentName: '南浔区人民政府' },
      {
        name: '南浔区住房和城乡建设局',
        kind: 'GOVERNMENT_DEPARTMENT',
        parentName: '南浔区人民政府',
      },
      { name: '南浔区交通运输局', kind: 'GOVERNMENT_DEPARTMENT', parentName: '南浔区人民政府' },
      {
        name: '南浔区文化和广电旅游体育局',
        kind: 'GOVERNMENT_DEPARTMENT',
        parentName: '南浔区人民政府',
      },
      { name: '湖州市生态环境局南浔分局', kind: 'GOVERNMENT_DEPARTMENT' },
      { name: '中共湖州市南浔区委统一战线工作部', kind: 'PARTY_DEPARTMENT' },
      { name: '南浔区总工会', kind: 'PEOPLES_ORGANISATION' },
    ],
    members: [
      {
        name: '沈建华',
        gender: 'MALE',
        sector: '中共界',
        party: 'CPC',
        roles: ['CHAIR'],
        specialCommittees: ['提案委'],
      },
      {
        name: '朱丽萍',
        gender: 'FEMALE',
        sector: '经济界',
        party: 'CNDCA',
        roles: ['VICE_CHAIR'],
        workplace: '南浔区民建基层委员会',
      },
      {
        name: '钱国强',
        gender: 'MALE',
        sector: '农业界',
        party: 'CPWDP',
        roles: ['STANDING_MEMBER'],
        linkedVillages: ['330503100016'],
      },
      {
        name: '陆晓燕',
        gender: 'FEMALE',
        sector: '教育界',
        party: 'CAPD',
        workplace: '南浔中学',
        linkedVillages: ['330503100003'],
      },
      {
        name: '费志明',
        gender: 'MALE',
        sector: '文化艺术界',
        party: 'CDL',
        specialCommittees: ['文史委'],
      },
      {
        name: '施美华',
        gender: 'FEMALE',
        sector: '医药卫生界',
        party: 'JIUSAN',
        workplace: '南浔区人民医院',
      },
      {
        name: '邱海东',
        gender: 'MALE',
        sector: '工商联界',
        party: 'ACFIC',
        workplace: '浙江南浔木业有限公司',
      },
      {
        name: '蒋雪芬',
        gender: 'FEMALE',
        sector: '无党派人士界',
        party: 'NON_PARTY',
        linkedVillages: ['330503100018'],
      },
    ],
    proposals: [
      {
        title: '关于加强南浔古镇保护与活化利用的建议',
        body: longBody(
          '南浔古镇的保护与活化利用',
          '百间楼等历史街区民居老化，消防、排水等设施不足，业态同质化明显。',
        ),
        keywords: ['古镇保护', '活化利用', '百间楼'],
        category: 'CULTURE_HISTORY',
        proposers: [4, 1],
        suggestions: [
          '编制百间楼历史街区保护利用专项规划',
          '设立古建筑修缮专项资金',
          '引导特色业态入驻，避免同质化',
        ],
        stage: 'EVALUATED',
        units: [
          { name: '南浔区文化和广电旅游体育局', role: 'LEAD' },
          { name: '南浔区住房和城乡建设局', role: 'CO' },
        ],
        deadlineInDays: 30,
      },
      {
        title: '关于推进农村生活污水治理设施长效运维的建议',
        body: longBody(
          '农村生活污水治理设施的长效运维',
          '部分终端设施建成后缺乏专业运维，出水水质不稳定。',
        ),
        keywords: ['农村污水', '长效运维', '美丽乡村'],
        category: 'AGRICULTURE_RURAL',
        proposers: [2],
        suggestions: [
          '建立区镇村三级运维责任清单',
          '引入第三方专业运维并开展考核',
          '运用数字化手段实时监测出水水质',
        ],
        stage: 'REPLIED',
        units: [
          { name: '南浔区农业农村局', role: 'LEAD' },
          { name: '湖州市生态环境局南浔分局', role: 'CO' },
        ],
        deadlineInDays: 20,
      },
      {
        title: '关于深化浔吴跨区域联动协商机制的建议',
        body: longBody(
          '浔吴两地跨区域联动协商',
          '南浔与吴江地缘相近、人缘相亲，“1+5+N”联动协商平台已初步建成。',
        ),
        keywords: ['浔吴', '长三角一体化', '跨区域协商'],
        category: 'GENERAL',
        proposers: [1, 6, 7],
        suggestions: [
          '完善两地政协主席联席会议制度',
          '五个跨区域协商议事室每年至少开展一次协商',
          '建立毗邻村委员结对工作台账',
        ],
        stage: 'ASSIGNED',
        units: [{ name: '南浔区发展和改革局', role: 'LEAD' }],
        deadlineInDays: 5,
      },
      {
        title: '关于提升木地板产业数字化水平的建议',
        body: longBody(
          '木地板产业数字化转型',
          '南浔木业企业众多，但中小企业数字化改造意愿和能力不足。',
        ),
        keywords: ['木地板', '数字化', '产业升级'],
        category: 'ECONOMY',
        proposers: [6],
        suggestions: ['出台中小企业数字化改造补助办法', '建设行业级工业互联网平台'],
        stage: 'ASSIGNED',
        units: [{ name: '南浔区经济和信息化局', role: 'LEAD' }],
        deadlineInDays: -3,
      },
      {
        title: '关于加强青少年心理健康教育的建议',
        body: longBody('青少年心理健康教育', '学校专职心理教师配备不足，家校协同机制尚不健全。'),
        keywords: ['心理健康', '青少年', '家校协同'],
        category: 'EDUCATION_SCIENCE_HEALTH',
        proposers: [3, 5],
        suggestions: ['按标准配齐中小学专职心理教师', '建立学校、家庭、医院联动干预机制'],
        stage: 'REGISTERED',
      },
      {
        title: '关于完善农村居家养老服务的建议',
        body: longBody('农村居家养老服务', '农村老年人口比例较高，助餐、助医服务覆盖不均。'),
        keywords: ['居家养老', '老年食堂', '农村'],
        category: 'SOCIETY_LAW',
        proposers: [7],
        suggestions: ['扩大村级老年食堂覆盖面', '推广“互联网+助医”上门服务'],
        stage: 'SUBMITTED',
      },
    ],
    consultations: [
      {
        title: '南浔古镇保护与旅游高质量发展',
        description: '请你来协商：区委、区政府主要领导与政协委员、群众代表围绕古镇保护开展协商。',
        platform: 'PLEASE_COME_AND_CONSULT',
        topicSource: 'LEADERS',
        venueName: '南浔区政协协商议事厅',
        heldOn: '2024-05-16',
        participants: [
          { member: 0, kind: 'MEMBER' },
          { member: 4, kind: 'MEMBER' },
          {
            name: '南浔区文化和广电旅游体育局负责人',
            kind: 'OFFICIAL',
            affiliation: '南浔区文化和广电旅游体育局',
          },
          { name: '徐教授', kind: 'EXPERT', affiliation: '湖州师范学院' },
          { name: '百间楼居民代表', kind: 'PUBLIC' },
        ],
        suggestions: [
          '明确古镇核心区保护红线',
          '建立居民参与保护的激励机制',
          '统筹古镇夜间经济与居民生活',
          '完善游客分流与交通组织',
        ],
        adopted: 3,
      },
      {
        title: '老旧小区加装电梯',
        description: '民生议事堂：居民、部门与委员面对面议事。',
        platform: 'LIVELIHOOD_HALL',
        topicSource: 'PUBLIC',
        venue: '330503100',
        venueName: '南浔镇民生议事堂',
        heldOn: '2024-07-09',
        participants: [
          { member: 3, kind: 'MEMBER' },
          { member: 7, kind: 'MEMBER' },
          { name: '浔溪社区居民代表', kind: 'PUBLIC' },
        ],
        suggestions: ['简化加装电梯审批流程', '建立低楼层住户补偿协商机制'],
        adopted: 1,
      },
    ],
    jointSessions: [
      {
        title: '同心桥·浔吴协商会：毗邻地区生态环境共保联治',
        description:
          '南浔区政协与吴江区政协共同议题联定、方案联审，围绕跨界河湖联保共治开展联动协商。',
        kind: 'CROSS_PROVINCE',
        hostCommittee: '湖州市南浔区政协',
        partners: [{ region: '320509', committee: '苏州市吴江区政协' }],
        heldOn: '2024-09-20',
        venueName: '南浔区跨区域协商议事室',
      },
    ],
    supervisionTasks: [
      {
        title: '跨界河道“断头浜”整治进展',
        source: 'MEDIA',
        committee: '人口资源环境委',
        deadlineInDays: 25,
      },
    ],
    opinionItems: [
      {
        title: '百间楼沿河步道照明不足',
        body: '百间楼沿河步道夜间照明不足，居民和游客出行存在安全隐患，建议增设照明设施。',
        category: '城乡建设',
        place: '330503100016',
        submitter: 7,
      },
    ],
  },
  {
    region: '330500',
    committee: '湖州市政协',
    term: 9,
    handlingUnits: [
      { name: '湖州市人民政府', kind: 'GOVERNMENT_DEPARTMENT' },
      { name: '湖州市民政局', kind: 'GOVERNMENT_DEPARTMENT', parentName: '湖州市人民政府' },
      { name: '湖州市卫生健康委员会', kind: 'GOVERNMENT_DEPARTMENT', parentName: '湖州市人民政府' },
      {
        name: '湖州市大数据发展管理局',
        kind: 'GOVERNMENT_DEPARTMENT',
        parentName: '湖州市人民政府',
      },
      { name: '湖州市交通运输局', kind: 'GOVERNMENT_DEPARTMENT', parentName: '湖州市人民政府' },
      { name: '中共湖州市委宣传部', kind: 'PARTY_DEPARTMENT' },
    ],
    members: [
      { name: '姚卫东', gender: 'MALE', sector: '中共界', party: 'CPC', roles: ['CHAIR'] },
      {
        name: '吴静',
        gender: 'FEMALE',
        sector: '经济界',
        party: 'CNDCA',
        roles: ['VICE_CHAIR'],
        specialCommittees: ['经济委'],
      },
      {
        name: '潘立新',
        gender: 'MALE',
        sector: '科技界',
        party: 'JIUSAN',
        roles: ['STANDING_MEMBER'],
      },
      {
        name: '金秀英',
        gender: 'FEMALE',
        sector: '社会福利和社会保障界',
        party: 'CAPD',
        specialCommittees: ['社会法制委'],
      },
      { name: '严俊', gender: 'MALE', sector: '新闻出版界', party: 'NON_PARTY' },
    ],
    proposals: [
      {
        title: '关于加快发展养老服务业的建议',
        body: longBody('养老服务业发展', '全市老龄化程度持续加深，机构养老床位结构性矛盾突出。'),
        keywords: ['养老服务', '医养结合'],
        category: 'SOCIETY_LAW',
        proposers: [3, 2],
        suggestions: [
          '推进医养结合机构建设',
          '扩大社区居家养老服务中心覆盖',
          '培育养老护理人才队伍',
        ],
        stage: 'EVALUATED',
        units: [
          { name: '湖州市民政局', role: 'LEAD' },
          { name: '湖州市卫生健康委员会', role: 'CO' },
        ],
        deadlineInDays: 40,
      },
      {
        title: '关于建设美丽湖州数字化监督应用的建议',
        body: longBody(
          '民主监督的数字化',
          '“湖州数字政协”平台已上线社情民意图谱，可进一步实现一键督、一码查。',
        ),
        keywords: ['数字政协', '一键督', '一码查'],
        category: 'GENERAL',
        proposers: [4],
        suggestions: ['完善“《看见》政协在监督”功能应用', '监督进展实时同步并向社会公开'],
        stage: 'ASSIGNED',
        units: [{ name: '湖州市大数据发展管理局', role: 'LEAD' }],
        deadlineInDays: 60,
      },
    ],
    consultations: [
      {
        title: '加快发展养老服务业',
        description:
          '市委书记、市长与政协委员“面对面”协商，26 条意见建议中 23 条被市政府实施意见吸收。',
        platform: 'FACE_TO_FACE',
        topicSource: 'LEADERS',
        venueName: '湖州市政协会议中心',
        heldOn: '2015-06-18',
        participants: [
          { member: 0, kind: 'MEMBER' },
          { member: 3, kind: 'MEMBER' },
          { name: '湖州市市长', kind: 'OFFICIAL', affiliation: '湖州市人民政府' },
        ],
        suggestions: Array.from({ length: 26 }, (_, i) => `养老服务业发展建议第 ${i + 1} 条`),
        adopted: 23,
      },
    ],
    jointSessions: [],
    supervisionTasks: [
      {
        title: '《看见》政协在监督：城区老旧管网改造',
        source: 'MEDIA',
        committee: '城建委',
        deadlineInDays: -2,
      },
      {
        title: '养老服务业实施意见落实情况',
        source: 'ADOPTED_SUGGESTION',
        committee: '社会法制委',
        deadlineInDays: 50,
      },
    ],
    opinionItems: [
      {
        title: '农村公交班次偏少',
        body: '部分乡镇农村公交班次少、末班车早，村民出行不便，建议优化线路和班次。',
        category: '交通出行',
        submitter: 4,
      },
    ],
  },
  {
    region: '330000',
    committee: '浙江省政协',
    term: 12,
    members: [
      { name: '林树人', gender: 'MALE', sector: '中共界', party: 'CPC', roles: ['CHAIR'] },
      {
        name: '黄文秀',
        gender: 'FEMALE',
        sector: '民盟界',
        party: 'CDL',
        roles: ['VICE_CHAIR'],
        specialCommittees: ['提案委'],
      },
      {
        name: '方志远',
        gender: 'MALE',
        sector: '经济界',
        party: 'CNDCA',
        roles: ['STANDING_MEMBER'],
      },
      {
        name: '叶青',
        gender: 'FEMALE',
        sector: '农业界',
        party: 'CPWDP',
        specialCommittees: ['农业和农村委'],
      },
    ],
    proposals: [
      {
        title: '关于推进长三角生态绿色一体化发展示范区协同治理的建议',
        body: longBody(
          '长三角示范区协同治理',
          '跨省域毗邻地区在规划、生态、公共服务等方面仍存在制度壁垒。',
        ),
        keywords: ['长三角一体化', '跨省协同', '生态绿色'],
        category: 'ECONOMY',
        proposers: [2, 1],
        suggestions: ['建立跨省毗邻地区规划协同机制', '推动公共服务跨省通办'],
        stage: 'ASSIGNED',
        units: [{ name: '浙江省发展和改革委员会', role: 'LEAD' }],
        deadlineInDays: 90,
      },
    ],
    consultations: [
      {
        title: '青田 330 国道改建用地指标',
        description: '省市县三级政协联动协商，破解 330 国道青田段改建用地指标难题。',
        platform: 'SPECIAL_TOPIC',
        topicSource: 'MEMBERS',
        venueName: '青田县政协',
        heldOn: '2021-04-22',
        participants: [
          { member: 0, kind: 'MEMBER' },
          { member: 3, kind: 'MEMBER' },
          { name: '浙江省自然资源厅负责人', kind: 'OFFICIAL', affiliation: '浙江省自然资源厅' },
        ],
        suggestions: ['省级统筹解决重大交通项目用地指标', '市县联动加快政策处理'],
        adopted: 2,
      },
    ],
    jointSessions: [
      {
        title: '省市县三级会商：330 国道青田段改建',
        description: '浙江省政协、丽水市政协、青田县政协三级联动，上下联动、三级齐会商。',
        kind: 'THREE_LEVEL',
        hostCommittee: '浙江省政协',
        partners: [
          { region: '331100', committee: '丽水市政协' },
          { region: '331121', committee: '青田县政协' },
        ],
        heldOn: '2021-04-22',
        venueName: '青田县政协会议室',
      },
    ],
    supervisionTasks: [],
    opinionItems: [],
  },
  {
    region: '330482',
    committee: '嘉兴平湖市政协',
    term: 11,
    members: [
      { name: '徐卫国', gender: 'MALE', sector: '中共界', party: 'CPC', roles: ['CHAIR'] },
      {
        name: '顾佳颖',
        gender: 'FEMALE',
        sector: '农业界',
        party: 'CPWDP',
        roles: ['STANDING_MEMBER'],
        linkedVillages: ['330482106200'],
      },
      {
        name: '陈永林',
        gender: 'MALE',
        sector: '经济界',
        party: 'CNDCA',
        workplace: '平湖市独山港镇',
      },
      { name: '马晓春', gender: 'FEMALE', sector: '文化艺术界', party: 'CAPD' },
    ],
    proposals: [
      {
        title: '关于推进浙沪毗邻区域农旅产业联动发展的建议',
        body: longBody(
          '浙沪毗邻区域农旅产业联动',
          '广陈镇与金山区廊下镇田园小镇特色鲜明，但线路、品牌和要素流动尚未打通。',
        ),
        keywords: ['浙沪', '农旅融合', '长三角一体化'],
        category: 'AGRICULTURE_RURAL',
        proposers: [1, 2],
        suggestions: [
          '共建浙沪毗邻农旅精品线路',
          '推动两地农产品品牌互认',
          '建立毗邻镇联席协商机制',
        ],
        stage: 'ASSIGNED',
        units: [{ name: '平湖市农业农村局', role: 'LEAD' }],
        deadlineInDays: 45,
      },
    ],
    // Pinghu's consultations are its 2020 year, 87 of them, from pinghu-2020.ts
    consultations: [],
    jointSessions: [
      {
        title: '浙沪毗邻区域农旅产业联动发展跨省联组协商',
        description:
          '广陈镇委员小组与金山区廊下镇政协委组开展三次跨浙沪联组协商，聚焦两镇田园小镇特色发展。',
        kind: 'CROSS_PROVINCE',
        hostCommittee: '嘉兴平湖市政协',
        partners: [{ region: '310116', committee: '上海市金山区政协' }],
        heldOn: '2020-10-22',
        venueName: '广陈镇“农+侬”毗邻委员会客厅',
      },
    ],
    supervisionTasks: [
      {
        title: '长三角区域污染防治协作机制落实情况',
        source: 'JOINT_SESSION',
        committee: '人口资源环境委',
        deadlineInDays: 30,
      },
    ],
    opinionItems: [],
  },
  {
    region: '330400',
    committee: '嘉兴市政协',
    term: 10,
    members: [
      { name: '褚建明', gender: 'MALE', sector: '中共界', party: 'CPC', roles: ['CHAIR'] },
      { name: '沈燕', gender: 'FEMALE', sector: '科技界', party: 'JIUSAN', roles: ['VICE_CHAIR'] },
    ],
    proposals: [],
    consultations: [],
    jointSessions: [],
    supervisionTasks: [],
    opinionItems: [],
  },
  {
    region: '320509',
    committee: '苏州市吴江区政协',
    term: 5,
    members: [
      { name: '周振华', gender: 'MALE', sector: '中共界', party: 'CPC', roles: ['CHAIR'] },
      { name: '杨丽君', gender: 'FEMALE', sector: '经济界', party: 'CNDCA', roles: ['VICE_CHAIR'] },
      { name: '吴海涛', gender: 'MALE', sector: '农业界', party: 'CPWDP' },
    ],
    proposals: [],
    consultations: [],
    jointSessions: [],
    supervisionTasks: [],
    opinionItems: [],
  },
  {
    region: '320500',
    committee: '苏州市政协',
    term: 15,
    members: [{ name: '钱明远', gender: 'MALE', sector: '中共界', party: 'CPC', roles: ['CHAIR'] }],
    proposals: [],
    consultations: [],
    jointSessions: [],
    supervisionTasks: [],
    opinionItems: [],
  },
  {
    region: '310116',
    committee: '上海市金山区政协',
    term: 6,
    members: [
      { name: '张秋萍', gender: 'FEMALE', sector: '中共界', party: 'CPC', roles: ['CHAIR'] },
      {
        name: '陆建新',
        gender: 'MALE',
        sector: '农业界',
        party: 'NON_PARTY',
        workplace: '金山区廊下镇',
      },
    ],
    proposals: [],
    consultations: [],
    jointSessions: [],
    supervisionTasks: [],
    opinionItems: [],
  },
  {
    region: '310000',
    committee: '上海市政协',
    term: 14,
    members: [{ name: '王志强', gender: 'MALE', sector: '中共界', party: 'CPC', roles: ['CHAIR'] }],
    proposals: [],
    consultations: [],
    jointSessions: [],
    supervisionTasks: [],
    opinionItems: [],
  },
];
