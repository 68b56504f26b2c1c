import { Tag } from 'antd';
import { t } from '../../i18n';

/** "县级派单 XJ-2026-000123" on a request the county dispatched, so the desk sees where it came from. */
export function CountyOriginTag({ originRef }: { originRef?: string | null }) {
  return (
    <Tag color="purple" data-testid="county-origin" style={{ marginInlineEnd: 0 }}>
      {t('requestOrigin.county')}
      {originRef ? ` ${originRef}` : ''}
    </Tag>
  );
}
