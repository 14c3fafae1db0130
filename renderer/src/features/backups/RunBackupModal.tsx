import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Modal, Progress, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BackupRow } from '@shared/schemas/backups';
import { call } from '../../api/client';
import { errorText } from '../../forms/zodRule';
import { newBackupJobId, progressPercent, useBackupProgress } from './useBackupProgress';

type Outcome = { kind: 'running' } | { kind: 'done'; row: BackupRow } | { kind: 'failed'; message: string };

/** 立即备份: starts the backup at once, shows its progress (copy, then check), can cancel it, and says how it went. */
export function RunBackupModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [jobId] = useState(newBackupJobId);
  const progress = useBackupProgress(jobId);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'running' });
  const started = useRef(false);

  useEffect(() => {
    // Once, even under React's double effects in development.
    if (started.current) return;
    started.current = true;
    call('backups.run', { jobId }).then(
      (row) => setOutcome({ kind: 'done', row }),
      (err: unknown) => setOutcome({ kind: 'failed', message: errorText(err, t) }),
    );
  }, [jobId, t]);

  const cancel = () => void call('backups.cancel', { jobId }).catch(() => undefined);
  const running = outcome.kind === 'running';

  return (
    <Modal
      open
      title={t('backups.runNow')}
      closable={!running}
      maskClosable={false}
      keyboard={!running}
      onCancel={running ? cancel : onClose}
      footer={
        running ? (
          <Button onClick={cancel} data-testid="backup-cancel">
            {t('common.cancel')}
          </Button>
        ) : (
          <Button type="primary" onClick={onClose} autoFocus data-testid="backup-close">
            {t('common.close')}
          </Button>
        )
      }
    >
      {running && (
        <div data-testid="backup-progress">
          <Typography.Text>
            {progress ? t(`backups.phases.${progress.phase}`) : t('backups.backupRunning')}
          </Typography.Text>
          <Progress percent={progressPercent(progress)} status="active" />
        </div>
      )}
      {outcome.kind === 'done' && outcome.row.check === 'good' && (
        <Result
          status="success"
          title={t('backups.backupDone')}
          subTitle={t('backups.backupDoneFile', { name: outcome.row.id })}
          data-testid="backup-done"
        />
      )}
      {outcome.kind === 'done' && outcome.row.check !== 'good' && (
        <Alert
          type="error"
          showIcon
          message={t('backups.backupBad', { name: outcome.row.id })}
          description={outcome.row.detail}
          data-testid="backup-bad"
        />
      )}
      {outcome.kind === 'failed' && (
        <Alert type="error" showIcon message={outcome.message} data-testid="backup-error" />
      )}
    </Modal>
  );
}
