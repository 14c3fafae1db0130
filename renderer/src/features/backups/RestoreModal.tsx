import { useState } from 'react';
import { Alert, Button, Descriptions, Modal, Progress, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BackupRow } from '@shared/schemas/backups';
import { call } from '../../api/client';
import { errorText } from '../../forms/zodRule';
import { useAuth } from '../../auth/AuthContext';
import { formatInstant } from '../../shell/format';
import { newBackupJobId, progressPercent, useBackupProgress } from './useBackupProgress';

type Stage =
  | { kind: 'confirm' }
  | { kind: 'running'; jobId: string }
  | { kind: 'done'; keptAs: string }
  | { kind: 'failed'; message: string };

/**
 * 恢复数据库: says what will happen (check first, keep the current file, everyone logs in again), then runs the
 * restore with progress. A refused backup changes nothing and says why; after a restore the admin logs in again.
 */
export function RestoreModal({ backup, onClose }: { backup: BackupRow; onClose: () => void }) {
  const { t } = useTranslation();
  const { logout } = useAuth();
  const [stage, setStage] = useState<Stage>({ kind: 'confirm' });
  const progress = useBackupProgress(stage.kind === 'running' ? stage.jobId : null);

  const start = () => {
    const jobId = newBackupJobId();
    setStage({ kind: 'running', jobId });
    call('backups.restore', { jobId, backupId: backup.id }).then(
      (result) => setStage({ kind: 'done', keptAs: result.keptAs }),
      (err: unknown) => setStage({ kind: 'failed', message: errorText(err, t) }),
    );
  };

  const footer =
    stage.kind === 'confirm' ? (
      <>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="primary" danger onClick={start} data-testid="restore-confirm">
          {t('backups.restoreConfirm')}
        </Button>
      </>
    ) : stage.kind === 'running' ? null : stage.kind === 'done' ? (
      <Button type="primary" onClick={() => void logout()} autoFocus data-testid="restore-relogin">
        {t('backups.relogin')}
      </Button>
    ) : (
      <Button onClick={onClose} data-testid="restore-close">
        {t('common.close')}
      </Button>
    );

  return (
    <Modal
      open
      title={t('backups.restoreTitle')}
      closable={stage.kind === 'confirm' || stage.kind === 'failed'}
      maskClosable={false}
      keyboard={stage.kind === 'confirm' || stage.kind === 'failed'}
      onCancel={onClose}
      footer={footer}
      width={560}
    >
      {stage.kind === 'confirm' && (
        <div data-testid="restore-intro">
          <Typography.Paragraph strong>{t('backups.restoreIntro')}</Typography.Paragraph>
          <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('backups.fields.at')}>{formatInstant(backup.at)}</Descriptions.Item>
            <Descriptions.Item label={t('backups.fields.kind')}>
              {t(`backups.kinds.${backup.kind}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('backups.fields.id')}>{backup.id}</Descriptions.Item>
          </Descriptions>
          <ol>
            <li>{t('backups.restoreSteps.check')}</li>
            <li>{t('backups.restoreSteps.keep')}</li>
            <li>
              <Typography.Text type="danger">{t('backups.restoreSteps.logout')}</Typography.Text>
            </li>
          </ol>
        </div>
      )}
      {stage.kind === 'running' && (
        <div data-testid="restore-progress">
          <Typography.Text>
            {progress ? t(`backups.phases.${progress.phase}`) : t('backups.restoreRunning')}
          </Typography.Text>
          <Progress percent={progressPercent(progress)} status="active" />
        </div>
      )}
      {stage.kind === 'done' && (
        <Result
          status="success"
          title={t('backups.restoreDone')}
          subTitle={t('backups.restoreDoneDetail', { name: backup.id, kept: stage.keptAs })}
          data-testid="restore-done"
        />
      )}
      {stage.kind === 'failed' && (
        <Alert type="error" showIcon message={stage.message} data-testid="restore-error" />
      )}
    </Modal>
  );
}
