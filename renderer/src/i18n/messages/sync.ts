/** Messages the backend sends (error keys) for county sync, and the plain reasons for sync errors. */
export const syncMessages: Record<string, string> = {
  'sync.endpoint.required': '请填写县级平台地址',
  'sync.centreCode.format': '中心编码为 2 到 32 位字母、数字或短横线',
  'sync.ca.invalid': '这不是有效的 CA 证书（应为 PEM 格式，以 -----BEGIN CERTIFICATE----- 开头）',
  'sync.notReady': '同步功能尚未就绪',
  'sync.endpoint.invalid': '县级平台地址格式不对，应以 https:// 开头，例如 https://sync.county.gov.cn/lianxin',
  'sync.endpoint.httpRefused': '为保护数据安全，只能使用 https:// 地址（http:// 仅限本机测试）',
  'sync.credential.required': '开启同步前请填写县级平台发放的凭据',
  'sync.parked.notFound': '这条搁置记录已不存在，可能已重试或已处理',
};
