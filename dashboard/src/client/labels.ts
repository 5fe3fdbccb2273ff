/** Chinese names of the contract's enums, taken from its descriptions at build time. */
declare const HUISHANG_ENUM_LABELS: Record<string, Record<string, string>>;

/** What the contract does not describe in Chinese: the colours and the callers' roles. */
const ownLabels: Record<string, Record<string, string>> = {
  Colour: { GREEN: '绿', YELLOW: '黄', RED: '红' },
  Role: {
    public: '公众',
    reader: '查阅',
    member: '委员',
    unit: '承办单位',
    staff: '工作人员',
    admin: '管理员',
  },
};

const labels = { ...HUISHANG_ENUM_LABELS, ...ownLabels };

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
