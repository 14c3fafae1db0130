import { useTranslation } from 'react-i18next';
import { jobAbandonInput, type JobRow } from '@shared/schemas/delivery';
import { call } from '../../api/client';
import { ReasonDialog } from '../../forms/ReasonDialog';

/** 放弃: an admin gives up a job that is not delivered; the reason is required and goes to the audit log. */
export function AbandonModal({ job, onClose, onDone }: { job: JobRow; onClose: () => void; onDone: (row: JobRow) => void }) {
  const { t } = useTranslation();
  return (
    <ReasonDialog
      title={t('delivery.jobs.abandonTitle', { fileName: job.fileName })}
      okText={t('delivery.jobs.abandonOk')}
      intro={t('delivery.jobs.abandonHelp')}
      label={t('delivery.jobs.abandonReason')}
      rule={jobAbandonInput.shape.reason}
      maxLength={200}
      okTestId="abandon-ok"
      reasonTestId="abandon-reason"
      onSubmit={async (reason) => onDone(await call('delivery.jobs.abandon', { id: job.id, reason }))}
      onClose={onClose}
    />
  );
}
