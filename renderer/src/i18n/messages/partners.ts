/** Messages the backend sends for partners, the partner package, the purchase log and the card reports. */
export const partnersMessages: Record<string, string> = {
  'validation.badMonth': '月份格式应为 年-月，如 2026-11',
  // Partners
  'partner.notFound': '该爱心商户不存在',
  'partner.name.taken': '已有同名的爱心商户',
  'partner.phone.invalid': '联系电话格式不正确：请填 11 位手机号，或带区号的固定电话（如 010-12345678）',
  'partner.inactive': '该商户已停用，不能导出数据包。如需恢复合作，请先把商户改为“合作中”',
  // The partner package (centre → till)
  'package.notCentre': '本机是爱心商户收银台，不能导出商户数据包',
  'package.notPartnerPc': '本机是中心电脑，不能导入商户数据包（数据包只在爱心商户的收银电脑上导入）',
  'package.unreadable': '这不是连心前台的商户数据包，或文件已损坏。请向中心重新索取数据包文件（.json）',
  'package.badSignature': '数据包的签名对不上：文件在中心导出后被改动过，不能使用。请向中心重新索取',
  'package.untrusted': '数据包不是由本收银台信任的中心签发的（签名密钥不符），已拒绝。请联系中心核实',
  'package.otherCentre': '这是“{centre}”的数据包，不是本收银台所属中心的，已拒绝',
  'package.otherPartner': '这是商户“{partner}”的数据包，不是本店的，已拒绝',
  'package.older': '这个数据包比正在使用的旧（或是同一个），不能导入：旧数据包会让已注销的卡重新有效。请使用中心最新导出的数据包',
  'package.noVerifiers': '数据包里没有可用的收银账号。请中心先为本店添加收银账号，再重新导出数据包',
  // The purchase log (till → centre)
  'purchases.exportAtCentre': '本机就是中心电脑，消费记录已在中心，无需导出',
  'purchases.noPartner': '此账号没有归属的爱心商户，不能导出消费记录',
  'purchases.unreadable': '这不是连心前台的商户消费记录文件，或文件已损坏。请让商户在收银台重新导出',
  'purchases.otherCentre': '这份消费记录属于其他中心，不能导入',
  'purchases.unknownPartner': '本中心没有登记商户“{partner}”，不能导入它的消费记录',
  'purchases.badRow': '消费记录第 {row} 条内容不正确，整份文件未导入。请让商户重新导出',
  'purchases.badDelivery': '送货记录第 {row} 条内容不正确，整份文件未导入。请让商户重新导出',
  // Reports
  'cardReports.cardNo.digits': '卡号只能是数字（最多 10 位）',
};
