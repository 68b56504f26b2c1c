/** Messages the backend sends for the figures domain (error keys). */
export const figuresMessages: Record<string, string> = {
  'figures.period.order': '结束日期不能早于开始日期',
  'figures.period.tooLong': '统计期间最长约十年，请缩短',
};
