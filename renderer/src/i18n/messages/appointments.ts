/** Messages the backend sends (error keys) for appointments. */
export const appointmentsMessages: Record<string, string> = {
  'appointment.notFound': '预约记录不存在',
  'appointment.number.notFound': '没有预约号 {number} 的预约，请核对预约单',
  'appointment.station.notFound': '所选驿站不存在',
  'appointment.service.notFound': '所选服务事项不存在',
  'appointment.stationService.notFound': '所选的驿站预约服务不存在，请重新选择',
  'appointment.stationService.duplicate': '这个驿站已经开通了这项预约服务，请在列表里编辑它',
  'appointment.stationService.hasBookings': '这项预约服务已经有预约记录，不能改到别的驿站或服务；请停用它，再新开通一项',
  'appointment.offer.inactive': '{station}的“{service}”预约已停用（或驿站、服务已停用），不能预约',

  'appointment.day.closedDate': '{date} {station}闭站，不能预约',
  'appointment.day.holiday': '{date} 是节假日，{station}不开放，不能预约',
  'appointment.day.weekday': '{date} {station}不开放（休息日），不能预约',
  'appointment.day.past': '{date} 已经过去，不能预约',
  'appointment.day.beyondHorizon': '最多只能提前 {days} 天预约（到 {last} 为止），{date} 还不能约',

  'appointment.slot.outsideHours': '{time} 不在预约时间内（{open}–{close}）',
  'appointment.slot.notBoundary': '{time} 不是一个时段的开始：从 {open} 起每 {minutes} 分钟一个时段',
  'appointment.slot.started': '{time} 这个时段已经开始，不能再预约',
  'appointment.slot.full': '{date} {time} 这个时段已约满（容量 {capacity} 人），请选其他时段',

  'appointment.resident.notFound': '所选居民不存在',
  'appointment.resident.voided': '这位居民的档案已作废，不能预约',
  'appointment.resident.overlap': '该居民在 {date} {time} 已有预约（{service} · {station}），同一时间不能再约',

  'appointment.status.booked': '预约 {number} 还没有签到',
  'appointment.status.checked_in': '预约 {number} 已签到，不能再取消、改约或记为未到；办完请点“完成”',
  'appointment.status.completed': '预约 {number} 已完成，不能再改动',
  'appointment.status.no_show': '预约 {number} 已记为未到（过了时间没有签到），不能再改动；居民来了可以按普通取号办理',
  'appointment.status.cancelled': '预约 {number} 已取消，不能再改动',
  'appointment.status.rescheduled': '预约 {number} 已改约到别的时段，请在新的预约上操作',

  'appointment.cancel.started': '预约 {number} 在 {time} 已经开始，不能再取消',
  'appointment.cancel.cutoff': '开始前 {minutes} 分钟内不能取消（预约 {number}，{time} 开始）；确需取消请找管理员',
  'appointment.reschedule.started': '预约 {number} 在 {time} 已经开始，不能再改约',
  'appointment.reschedule.cutoff': '开始前 {minutes} 分钟内不能改约（预约 {number}，{time} 开始）；确需改约请找管理员',
  'appointment.checkIn.early': '预约 {number} 不是今天的，只能在预约当天签到',
  'appointment.checkIn.late': '预约 {number} 的日期已过，不能再签到',
  'appointment.checkIn.counter': '没有 {counter} 号窗口（大厅共 {counters} 个窗口）',
  'appointment.complete.notToday': '预约 {number} 不是今天的，不能办结',
  'appointment.noShow.notStarted': '预约 {number} 要到 {time} 才开始，开始后才能记为未到',
};
