import { Alert, Space, Typography } from 'antd';
import { useApiQuery } from '../../api/hooks';
import { failureText } from '../../components/apiErrors';
import { chineseDate } from '../../components/format';
import { t } from '../../i18n';

/** The county reports a card's status in the protocol's words; cards' own labels read them. */
function statusText(status: string): string {
  const key = `cardStatus.${status}`;
  const text = t(key);
  return text === key ? status : text;
}

/**
 * 县级平台核对 on a card application: is the household on the county's 低保 roster, and does one of its
 * members hold a card at another centre. One grey line while the roster has never come down (sync off).
 */
export function RosterCheckPanel({ householdId }: { householdId: string }) {
  const check = useApiQuery('sync.rosterCheck', { householdId });
  const grey = (text: string) => (
    <Typography.Text type="secondary" data-testid="roster-check">
      {t('rosterCheck.title')}：{text}
    </Typography.Text>
  );

  if (check.isPending) return null;
  if (check.isError) return grey(t('rosterCheck.failed', { reason: failureText(check.error) }));
  const r = check.data;
  if (!r.rosterKnown && r.otherCards.length === 0) return grey(t('rosterCheck.unknown'));

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="roster-check">
      {r.rosterKnown && (
        <Alert
          type={r.onRoster ? 'success' : 'info'}
          showIcon
          title={`${t('rosterCheck.title')}：${
            r.onRoster
              ? t('rosterCheck.onRoster', { size: r.onRoster.householdSize, from: chineseDate(r.onRoster.validFrom), to: chineseDate(r.onRoster.validTo) })
              : t('rosterCheck.notOnRoster')
          }`}
        />
      )}
      {!r.rosterKnown && grey(t('rosterCheck.unknown'))}
      {r.otherCards.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="roster-other-cards"
          title={t('rosterCheck.otherCards')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {r.otherCards.map((c) => (
                <li key={`${c.centreName}:${c.cardNoMasked}`}>{t('rosterCheck.otherCard', { centre: c.centreName, card: c.cardNoMasked, status: statusText(c.status) })}</li>
              ))}
            </ul>
          }
        />
      )}
    </Space>
  );
}
