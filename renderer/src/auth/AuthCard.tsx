import type { ReactNode } from 'react';
import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../shell/LanguageSwitch';

/** The frame of the login and first-start screens. */
export function AuthCard({ title, intro, children, width = 420 }: { title: string; intro?: string; children: ReactNode; width?: number }) {
  const { t } = useTranslation();
  return (
    <div className="auth-page">
      <div className="auth-brand">
        <div className="auth-logo">内</div>
        <div>
          <div className="auth-name">{t('app.title')}</div>
          <div className="auth-dept">{t('app.department')}</div>
        </div>
      </div>
      <Card style={{ width }} title={title} extra={<LanguageSwitch />}>
        {intro && <Typography.Paragraph type="secondary">{intro}</Typography.Paragraph>}
        {children}
      </Card>
    </div>
  );
}
