import type { ReactNode } from 'react';
import { Card, Typography } from 'antd';
import { t } from '../../i18n';

/** The calm, centred frame of the first-run and login screens. */
export function AuthScreen({ title, subtitle, width = 440, children }: { title: string; subtitle?: string; width?: number; children: ReactNode }) {
  return (
    <div className="auth-screen">
      <div className="auth-brand">
        <span className="auth-logo" aria-hidden>
          连
        </span>
        <span>{t('app.name')}</span>
      </div>
      <Card style={{ width, maxWidth: '92vw' }} styles={{ body: { padding: '28px 32px' } }}>
        <Typography.Title level={2} style={{ marginTop: 0, marginBottom: subtitle ? 4 : 24 }}>
          {title}
        </Typography.Title>
        {subtitle && (
          <Typography.Paragraph type="secondary" style={{ fontSize: 16, marginBottom: 24 }}>
            {subtitle}
          </Typography.Paragraph>
        )}
        {children}
      </Card>
    </div>
  );
}
