import type { ReactNode } from 'react';
import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Permission } from '@shared/permissions';
import { useAuth } from '../auth/AuthContext';

/** A page the user may not open shows why instead of failing calls. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { can } = useAuth();
  const { t } = useTranslation();
  return can(permission) ? <>{children}</> : <Result status="403" title="403" subTitle={t('errors.forbidden')} />;
}
