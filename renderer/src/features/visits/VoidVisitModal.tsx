import { useTranslation } from 'react-i18next';
import { requiredText } from '@shared/schemas/common';
import type { VisitRecord } from '@shared/schemas/visits';
import { call } from '../../api/client';
import { ReasonDialog } from '../../forms/ReasonDialog';

/** 作废: a visit entered by mistake is withdrawn with a reason; the record stays in the register, marked. */
export function VoidVisitModal({ visit, onClose, onVoided }: { visit: VisitRecord; onClose: () => void; onVoided: (saved: VisitRecord) => void }) {
  const { t } = useTranslation();
  return (
    <ReasonDialog
      title={t('visits.voidTitle', { date: visit.visitedOn, customer: visit.customerName })}
      okText={t('visits.void')}
      intro={t('visits.voidHelp')}
      label={t('visits.voidReason')}
      rule={requiredText(200)}
      maxLength={200}
      okTestId="void-ok"
      onSubmit={async (reason) => onVoided(await call('visits.void', { id: visit.id, version: visit.version, reason }))}
      onClose={onClose}
    />
  );
}
