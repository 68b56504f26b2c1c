/** Messages the backend sends (error keys) for county sync, and the plain reasons for sync errors. */
export const syncMessages: Record<string, string> = {
  'sync.endpoint.required': '请填写县级平台地址',
  'sync.centreCode.format': '中心编码为 2 到 32 位字母、数字或短横线',
  'sync.ca.invalid': '这不是有效的 CA 证书（应为 PEM 格式，以 -----BEGIN CERTIFICATE----- 开头）',
  'sync.notReady': '同步功能尚未就绪',
};
