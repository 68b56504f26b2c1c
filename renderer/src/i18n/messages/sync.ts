/** Messages the backend sends (error keys) for county sync, and the plain reasons for sync errors. */
const baseMessages: Record<string, string> = {
  'sync.endpoint.required': '请填写县级平台地址',
  'sync.centreCode.format': '中心编码为 2 到 32 位字母、数字或短横线',
  'sync.ca.invalid': '这不是有效的 CA 证书（应为 PEM 格式，以 -----BEGIN CERTIFICATE----- 开头）',
  'sync.endpoint.invalid': '县级平台地址格式不对，应以 https:// 开头，例如 https://sync.county.gov.cn/lianxin',
  'sync.endpoint.httpRefused': '为保护数据安全，只能使用 https:// 地址（http:// 仅限本机测试）',
  'sync.credential.required': '开启同步前请填写县级平台发放的凭据',
  'sync.parked.notFound': '这条搁置记录已不存在，可能已重试或已处理',
};

/** One plain sentence per SYNC_ERRORS code: the badge's hover, 测试连接 and the sync page use them. */
export const syncErrorMessages: Record<string, string> = {
  'sync.error.unreachable': '无法连接县级平台：请检查网线、网络和平台地址',
  'sync.error.timeout': '县级平台迟迟没有回应（超时），稍后会自动再试',
  'sync.error.bad_credential': '凭据不正确：请核对县级平台发放的凭据',
  'sync.error.credential_expired': '凭据已过期：请向县级平台申请新的凭据',
  'sync.error.unknown_centre': '县级平台不认识这个中心编码：请核对中心编码',
  'sync.error.clock_skew': '本机时钟与县级平台相差 {minutes} 分钟：请把本机时间校准后再试',
  'sync.error.clock_skew_unknown': '本机时钟与县级平台相差太多：请把本机时间校准后再试',
  'sync.error.untrusted_certificate': '证书不受信任：可在下方导入县里的 CA 证书',
  'sync.error.certificate_mismatch': '证书与地址不符：请核对县级平台地址',
  'sync.error.not_county': '该地址不是县级平台：请核对地址',
  'sync.error.bad_response': '县级平台的回复无法识别（格式不对或内容过大），请联系县级平台',
  'sync.error.server_error': '县级平台暂时出错，稍后会自动再试',
  'sync.error.cursor_unknown': '县级平台不再认得上次下载到的位置，将重新下载',
  'sync.error.http_refused': '只能使用 https:// 地址（http:// 仅限本机测试）',
  'sync.error.not_configured': '还没有设置县级平台同步',
};

export const syncMessages: Record<string, string> = { ...baseMessages, ...syncErrorMessages };
