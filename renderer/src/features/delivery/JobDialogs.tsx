import { useEffect, useState } from 'react';
import { Alert, Drawer, Form, Modal, Select, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AttemptRow, JobRow, TargetOption } from '@shared/schemas/delivery';
import { call } from '../../api/client';
import { errorText } from '../../forms/zodRule';
import { formatInstant } from '../../shell/format';
import { TargetStateTag } from './stateTags';

/** 改投: sends a job that is not delivered yet to another enabled target; the attempt runs at once. */
export function RedirectModal({ job, onClose, onDone }: { job: JobRow; onClose: () => void; onDone: (row: JobRow) => void }) {
  const { t } = useTranslation();
  const [targets, setTargets] = useState<TargetOption[]>([]);
  const [targetId, setTargetId] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void call('delivery.targets.options', {})
      .then((all) => setTargets(all.filter((o) => o.id !== job.targetId)))
      .catch((err: unknown) => setError(errorText(err, t)));
  }, [job.targetId, t]);

  const save = async () => {
    if (targetId === null) return;
    setBusy(true);
    try {
      onDone(await call('delivery.jobs.redirect', { id: job.id, targetId }));
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={t('delivery.jobs.redirectTitle')} okText={t('delivery.jobs.redirect')} okButtonProps={{ disabled: targetId === null }} confirmLoading={busy} onOk={() => void save()} onCancel={onClose} destroyOnHidden>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph>{t('delivery.jobs.redirectHelp', { fileName: job.fileName, from: job.targetName })}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t('delivery.jobs.redirectTarget')} required>
          <Select
            autoFocus
            value={targetId ?? undefined}
            onChange={setTargetId}
            data-testid="redirect-target"
            options={targets.map((o) => ({ value: o.id, label: <span>{o.name} <TargetStateTag state={o.state} /></span> }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

const RESULT_COLOR: Record<AttemptRow['result'], string> = { running: 'processing', delivered: 'success', failed: 'error', interrupted: 'warning' };

/** 发送记录: every attempt of one job, newest first, with what went wrong. */
export function AttemptsDrawer({ job, onClose }: { job: JobRow; onClose: () => void }) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<AttemptRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void call('delivery.jobs.attempts', { jobId: job.id })
      .then(setRows)
      .catch((err: unknown) => setError(errorText(err, t)));
  }, [job.id, t]);

  return (
    <Drawer open width={760} title={t('delivery.jobs.attemptsTitle', { fileName: job.fileName })} onClose={onClose} destroyOnHidden>
      {error && <Alert type="error" showIcon message={error} />}
      <Typography.Paragraph type="secondary" copyable={{ text: job.sha256 }}>
        {t('delivery.jobs.fields.sha256')}：<code>{job.sha256}</code>
      </Typography.Paragraph>
      <Table<AttemptRow>
        size="small"
        rowKey="id"
        loading={!rows && !error}
        dataSource={rows ?? []}
        pagination={false}
        locale={{ emptyText: t('delivery.jobs.noAttempts') }}
        data-testid="attempts"
        columns={[
          { title: t('delivery.jobs.fields.startedAt'), dataIndex: 'startedAt', width: 140, render: (v: string) => formatInstant(v) },
          { title: t('delivery.jobs.fields.targetName'), dataIndex: 'targetName', width: 120 },
          {
            title: t('delivery.jobs.fields.result'),
            dataIndex: 'result',
            width: 110,
            render: (v: AttemptRow['result']) => (
              <Tag color={RESULT_COLOR[v]} bordered={false}>
                {t(`delivery.attemptResults.${v}`)}
              </Tag>
            ),
          },
          {
            title: t('delivery.jobs.fields.lastError'),
            dataIndex: 'error',
            render: (_: unknown, a) =>
              a.error ? (
                <span title={a.errorDetail ?? undefined}>
                  {t(`delivery.reasons.${a.error}`)}
                  {a.errorDetail && (
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }} ellipsis={{ tooltip: a.errorDetail }}>
                      {a.errorDetail}
                    </Typography.Text>
                  )}
                </span>
              ) : (
                (a.finalPath ?? '')
              ),
          },
        ]}
      />
    </Drawer>
  );
}
