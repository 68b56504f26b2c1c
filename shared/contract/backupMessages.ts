/** Plain words for backup refusals, shared by the renderer's catalogue and the command line. */
export const backupMessages: Record<string, string> = {
  'backup.error.noSpace': '备份位置空间不够了：请换一个空间更大的U盘或文件夹再试',
  'backup.error.readOnly': '备份位置不能写入（只读或没有权限）：请换一个文件夹，或检查U盘的写保护开关',
  'backup.error.gone': '找不到备份位置（U盘可能被拔出了）：请插好后再试',
  'backup.error.failed': '备份没有完成：请重试；如果反复出现，请联系管理员',
  'backup.error.notBackup': '这不是连心前台的备份文件：请选择以 .lxbk 结尾、由本程序生成的备份',
  'backup.error.truncated': '备份文件不完整（可能没复制完）：请换一份备份',
  'backup.error.wrongPassphrase': '备份密码不对：请核对密码后再试',
  'backup.error.needPassphrase': '这份备份设有密码：请输入备份密码',
  'backup.error.checksum': '备份文件已损坏（校验不通过）：请换一份备份',
  'backup.error.newer': '这份备份来自更新版本的连心前台：请先安装最新版本再恢复',
  'backup.error.damaged': '备份里的数据库已损坏，不能恢复：请换一份备份',
  'backup.error.backendOpen': '连心前台正在使用这个数据文件夹：请先退出程序再恢复',
};
