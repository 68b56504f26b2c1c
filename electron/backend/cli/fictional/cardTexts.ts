/* What the desk writes in the card registry (all made up): reasons, meetings, notices, objections. */

export const APPLICATION_REASONS: Record<string, readonly string[]> = {
  低保: ['家庭纳入最低生活保障，收入低，申请爱心卡购买生活必需品', '低保户，家中有长期病人，日常开支困难', '享受低保待遇，申请爱心超市优惠'],
  特困: ['特困供养人员，无劳动能力，生活困难', '特困人员，无固定收入来源，申请爱心卡'],
  低收入: ['家庭人均收入低于当地标准，申请爱心卡', '低收入家庭，子女上学开支大', '主要劳动力失业，家庭收入下降'],
  残疾: ['家中有重度残疾人，护理开支大', '本人残疾，只能做零工，收入不稳定'],
  孤寡: ['孤寡老人，独自生活，行动不便', '无子女老人，靠养老金生活，开支紧张'],
};

export const MEETING_PRESENT = [
  '居委会主任、网格员、居民代表共7人',
  '居委会成员5人、居民代表4人',
  '社区书记、居委会委员、楼栋长共9人',
  '居委会成员、驻区民警、居民代表共8人',
];

export const REVIEW_NOTES = [null, null, '家庭情况属实，同意上报', '经入户核实，符合条件', '材料齐全'] as const;
export const REVIEW_REJECTIONS = ['家庭收入超过标准', '入户核实与申报情况不符', '家中有经营性收入，暂不符合条件'];

export const NOTICE_PLACES = ['社区公示栏', '社区公示栏及小区门口', '党群服务中心一楼大厅', '各楼栋单元门公告栏'];

export const OBJECTIONS = [
  '反映该户家中有私家车',
  '反映该户子女在外地工作，收入较高',
  '反映该户在外有出租房屋',
  '反映该户实际居住人口与申报不符',
];
export const OBJECTORS = [null, '居民（匿名）', '同楼栋居民', '居民代表'] as const;
export const SETTLED_NOT_UPHELD = ['经入户核实，车辆已于去年处置，异议不成立', '经核实，子女已另立户口，异议不成立', '经核实情况与申报一致，异议不成立'];
export const SETTLED_UPHELD = ['经核实，该户有房屋出租收入，异议成立', '经核实，家庭收入超过标准，异议成立'];

export const WITHDRAW_REASONS = ['居民本人申请撤回', '家庭情况好转，不再申请', '已搬离本社区'];

export const SUSPEND_REASONS = ['外出务工期间暂停使用', '住院期间由家属申请暂停', '年审材料未交齐，暂停待补'];
export const RESUME_NOTES = [null, '材料已补齐', '已返回社区居住'] as const;
export const REVOKE_REASONS = ['家庭收入已超过标准，年审不再符合条件', '已搬离本社区', '持卡人去世，家庭成员申请注销', '退出低保'];
export const LOST_REASONS = ['持卡人遗失，申请补卡', '卡片损坏，无法扫码', '卡片被盗'];
export const RENEW_NOTES = [null, null, '年审通过', '年审通过，情况无变化'] as const;

export const VOID_REASONS = ['金额录错', '顾客退货', '重复结账', '顾客临时不买了'];
export const DELIVERY_NOTES = [null, null, null, '下午送', '请先打电话', '放门口即可', '老人耳背，请多敲门'] as const;

/** Shop names: a lucky word, a street-ish word, a kind of shop. */
const SHOP_WORDS = ['惠民', '和顺', '福满家', '好邻居', '万家乐', '康乐', '兴旺', '便民', '阳光', '喜洋洋', '金丰', '邻里'];
const SHOP_KINDS = ['便利店', '超市', '粮油店', '生鲜超市', '平价药房', '菜市场', '日杂店', '烘焙坊'];
export const SHOP_OFFERS = ['米面粮油、日用品', '蔬菜水果、肉禽蛋', '常用药品、保健用品', '面包糕点、牛奶', '日用百货、洗化用品', null] as const;

/** The n-th fictional shop name (0-based), unique for the first SHOP_WORDS × SHOP_KINDS. */
export function shopName(n: number): string {
  const word = SHOP_WORDS[n % SHOP_WORDS.length]!;
  const kind = SHOP_KINDS[Math.floor(n / SHOP_WORDS.length + n) % SHOP_KINDS.length]!;
  return word + kind;
}

export const STREETS = ['幸福路', '和平街', '建设路', '人民路', '育才街', '朝阳路', '光明街'];
