import { Button, Modal, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useJobProgress } from '../features/imports/useJobProgress';

/**
 * The progress of a running export (its `job.progress` events): rows written of the view's rows, and 取消.
 * Shown only for exports that take more than a moment (ExportButton decides when).
 */
export function ExportProgress({
  jobId,
  register,
  cancelling,
  onCancel,
}: {
  jobId: string | null;
  register: string;
  cancelling: boolean;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const progress = useJobProgress(jobId);
  const total = progress?.total ?? 0;
  const done = progress?.done ?? 0;
  const percent = total > 0 ? Math.floor((done / total) * 100) : 0;
  return (
    <Modal
      open={jobId !== null}
      title={t('exports.progressTitle', { register })}
      closable={false}
      maskClosable={false}
      keyboard={false}
      footer={
        <Button danger onClick={onCancel} loading={cancelling} data-testid="export-cancel">
          {cancelling ? t('exports.cancelling') : t('exports.cancel')}
        </Button>
      }
    >
      <div data-testid="export-progress">
        <Progress percent={percent} status="active" />
        <Typography.Text type="secondary" data-testid="export-progress-rows">
          {progress && total > 0
            ? t('exports.rowsDone', { done: done.toLocaleString(), total: total.toLocaleString() })
            : t('exports.preparing')}
        </Typography.Text>
      </div>
    </Modal>
  );
}
