import { useMemo } from 'react';
import { Select } from 'antd';
import { useApiQuery } from '../../api/hooks';
import { t } from '../../i18n';
import { useRemembered } from './useRemembered';

/** The stations that take appointments, the one this PC looked at last chosen first. */
export function useStationChoice() {
  const offers = useApiQuery('stationServices.list', {});
  const stations = useMemo(() => {
    const seen = new Map<string, { value: string; label: string }>();
    for (const o of offers.data ?? []) if (o.active && !seen.has(o.stationId)) seen.set(o.stationId, { value: o.stationId, label: o.stationName });
    return [...seen.values()];
  }, [offers.data]);
  const [stored, setStationId] = useRemembered<string>('station', '');
  const stationId = stations.some((s) => s.value === stored) ? stored : (stations[0]?.value ?? null);
  return { stations, stationId, setStationId, loading: offers.isPending, empty: !!offers.data && stations.length === 0 };
}

export function StationPicker({ choice }: { choice: ReturnType<typeof useStationChoice> }) {
  return (
    <Select
      size="large"
      style={{ minWidth: 220 }}
      aria-label={t('apptPage.station')}
      placeholder={t('apptPage.stationPlaceholder')}
      loading={choice.loading}
      options={choice.stations}
      value={choice.stationId}
      onChange={choice.setStationId}
      showSearch={{ optionFilterProp: 'label' }}
    />
  );
}
