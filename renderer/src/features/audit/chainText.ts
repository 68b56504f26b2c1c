import type { AuditChainResult } from '../../../../shared/contract';
import { formatDateTime } from '../settings/format';
import { actionLabel } from './labels';

export interface ChainVerdict {
  ok: boolean;
  title: string;
  description?: string;
}

/** What 校验审计日志 found, in words for the admin. */
export function chainVerdict(r: AuditChainResult): ChainVerdict {
  if (r.ok) return { ok: true, title: `审计日志完整：共 ${r.checked} 条，未发现改动` };
  if (r.firstBad) {
    const { seq, at, action } = r.firstBad;
    return {
      ok: false,
      title: `审计日志被改动过：第 ${seq} 条（${formatDateTime(at)}，${actionLabel(action)}）起的记录对不上`,
      description: `这一条或紧挨在它前面的记录被修改、删除或插入过，不是本程序所为。在它之前的 ${r.checked} 条完整。请保留数据文件原样，联系技术支持查明。`,
    };
  }
  return {
    ok: false,
    title: `审计日志被改动过：最后 ${r.missingAtEnd} 条记录被删除了`,
    description: `现存的 ${r.checked} 条完整，但在它们之后本应还有 ${r.missingAtEnd} 条。请保留数据文件原样，联系技术支持查明。`,
  };
}
