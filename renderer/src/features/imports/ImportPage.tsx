import { useState } from 'react';
import { Alert, App, Button, Card, Progress, Result, Space, Spin, Statistic, Steps, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ImportField, ImportInspectOutput, ImportSummary } from '@shared/schemas/imports';
import { UPLOAD_MAX_MB } from '@shared/schemas/imports';
import { call, CallError, saveExport } from '../../api/client';
import { errorText } from '../../forms/zodRule';
import { toIsoDate } from '../../forms/fieldValues';
import { MappingStep, type MappingChoice } from './MappingStep';
import { ProblemsGrid } from './ProblemsGrid';
import { newJobId, uploadFile } from './upload';
import { useJobProgress } from './useJobProgress';

type Stage =
  | { step: 'file' }
  | { step: 'mapping' }
  | { step: 'running'; phase: 'check' | 'import'; jobId: string }
  | { step: 'preview'; summary: ImportSummary; refused: boolean }
  | { step: 'result'; summary: ImportSummary | null; cancelled: boolean };

const STEP_INDEX: Record<Stage['step'], number> = { file: 0, mapping: 1, running: 2, preview: 2, result: 4 };

/**
 * 客户导入: choose a file → check the column mapping → dry run listing every row's problems → import in one
 * transaction with a progress bar and a cancel button → result. Nothing is written until the last step, and
 * then everything or nothing.
 */
export function ImportPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [stage, setStage] = useState<Stage>({ step: 'file' });
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [uploadId, setUploadId] = useState<string | null>(null);
  const [inspected, setInspected] = useState<ImportInspectOutput | null>(null);
  const [choice, setChoice] = useState<MappingChoice | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const runningJob = stage.step === 'running' ? stage.jobId : null;
  const progress = useJobProgress(runningJob);

  const restart = () => {
    setStage({ step: 'file' });
    setError(null);
    setUploadId(null);
    setInspected(null);
    setChoice(null);
  };

  const choose = async (file: File) => {
    setError(null);
    setBusy(t('imports.file.uploading', { name: file.name }));
    try {
      const { uploadId: id } = await uploadFile(file);
      const result = await call('imports.inspect', { uploadId: id });
      const fields: (ImportField | null)[] = result.headers.map(() => null);
      for (const m of result.suggested) fields[m.column] = m.field;
      setUploadId(id);
      setInspected(result);
      setChoice({ fields, receivedOn: dayjs(), mode: 'upsert' });
      setStage({ step: 'mapping' });
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(null);
    }
  };

  const runInput = (jobId: string) => ({
    uploadId: uploadId!,
    jobId,
    mapping: choice!.fields.flatMap((field, column) => (field ? [{ column, field }] : [])),
    receivedOn: toIsoDate(choice!.receivedOn)!,
    mode: choice!.mode,
  });

  const run = async (phase: 'check' | 'import') => {
    const jobId = newJobId();
    setError(null);
    setCancelling(false);
    setStage({ step: 'running', phase, jobId });
    try {
      if (phase === 'check') {
        const summary = await call('imports.check', runInput(jobId));
        setStage({ step: 'preview', summary, refused: false });
      } else {
        const summary = await call('imports.commit', runInput(jobId));
        setStage({ step: 'result', summary, cancelled: false });
      }
    } catch (err) {
      const cancelled = err instanceof CallError && err.message === 'imports.errors.cancelled';
      if (phase === 'import' && cancelled) {
        setStage({ step: 'result', summary: null, cancelled: true });
        return;
      }
      setError(errorText(err, t));
      if (err instanceof CallError && err.message === 'imports.errors.hasProblems') {
        // The import found problems the check had not (the data changed meanwhile): show them, nothing was written.
        const problems = Number(err.details?.params?.count ?? 0);
        const rows = Number(err.details?.params?.rows ?? 0);
        setStage({ step: 'preview', refused: true, summary: { jobId, rows: 0, creates: 0, updates: 0, unchanged: 0, contacts: 0, problems, problemRows: rows } });
      } else setStage({ step: 'mapping' });
    }
  };

  const cancel = async () => {
    if (!runningJob) return;
    setCancelling(true);
    await call('imports.cancel', { jobId: runningJob }).catch(() => undefined);
  };

  const downloadTemplate = async () => {
    try {
      const file = await call('imports.template', {});
      await saveExport(file.fileId, file.fileName);
    } catch (err) {
      void message.error(errorText(err, t));
    }
  };

  const percent = progress && progress.total > 0 ? Math.min(100, Math.round((progress.done / progress.total) * 100)) : 0;

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <Typography.Title level={4} className="page-title">
            {t('imports.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('imports.help')}</Typography.Text>
        </div>
        <div className="toolbar">
          <Button icon={<DownloadOutlined />} onClick={() => void downloadTemplate()} data-testid="import-template">
            {t('imports.file.template')}
          </Button>
        </div>
      </div>
      <Card size="small">
        <Steps
          size="small"
          current={STEP_INDEX[stage.step] + (stage.step === 'running' && stage.phase === 'import' ? 1 : 0)}
          items={(['file', 'mapping', 'preview', 'import', 'result'] as const).map((s) => ({ title: t(`imports.steps.${s}`) }))}
          style={{ marginBottom: 20 }}
        />
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="import-error" />}

        {stage.step === 'file' && (
          <Spin spinning={busy !== null} tip={busy ?? undefined}>
            <Upload.Dragger
              accept=".xlsx,.xlsm,.csv,.txt,.xls,.et"
              multiple={false}
              showUploadList={false}
              beforeUpload={(file) => {
                void choose(file);
                return false;
              }}
              data-testid="import-file"
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t('imports.file.drop')}</p>
              <p className="ant-upload-hint">{t('imports.file.hint', { max: UPLOAD_MAX_MB })}</p>
            </Upload.Dragger>
          </Spin>
        )}

        {stage.step === 'mapping' && inspected && choice && (
          <MappingStep inspected={inspected} choice={choice} onChange={setChoice} onBack={restart} onCheck={() => void run('check')} />
        )}

        {stage.step === 'running' && (
          <Space direction="vertical" style={{ width: '100%' }} data-testid="import-progress">
            <Typography.Text>
              {t(stage.phase === 'check' ? 'imports.progress.checking' : 'imports.progress.importing', { rows: (progress?.rows ?? 0).toLocaleString(i18n.language) })}
            </Typography.Text>
            <Progress percent={percent} status="active" />
            <Button danger onClick={() => void cancel()} loading={cancelling} data-testid="import-cancel">
              {cancelling ? t('imports.progress.cancelling') : t('imports.progress.cancel')}
            </Button>
          </Space>
        )}

        {stage.step === 'preview' && (
          <Preview
            summary={stage.summary}
            refused={stage.refused}
            onImport={() => void run('import')}
            onBack={() => setStage({ step: 'mapping' })}
            onRestart={restart}
          />
        )}

        {stage.step === 'result' && (
          <Result
            status={stage.cancelled ? 'warning' : 'success'}
            title={stage.cancelled ? t('imports.result.cancelled') : t('imports.result.done')}
            subTitle={
              stage.summary &&
              t('imports.result.summary', {
                created: stage.summary.creates.toLocaleString(i18n.language),
                updated: stage.summary.updates.toLocaleString(i18n.language),
                contacts: stage.summary.contacts.toLocaleString(i18n.language),
              })
            }
            extra={[
              <Button key="customers" type="primary" onClick={() => void navigate('/customers')} data-testid="import-open-customers">
                {t('imports.result.openCustomers')}
              </Button>,
              <Button key="log" onClick={() => void navigate('/imports/log')}>
                {t('imports.result.openLog')}
              </Button>,
              <Button key="again" onClick={restart}>
                {t('imports.result.another')}
              </Button>,
            ]}
            data-testid="import-result"
          />
        )}
      </Card>
    </div>
  );
}

function Preview({ summary, refused, onImport, onBack, onRestart }: { summary: ImportSummary; refused: boolean; onImport: () => void; onBack: () => void; onRestart: () => void }) {
  const { t, i18n } = useTranslation();
  const n = (v: number) => v.toLocaleString(i18n.language);
  const bad = summary.problems > 0;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="import-preview">
      {!refused && (
        <Alert
          type={bad ? 'error' : 'success'}
          showIcon
          message={bad ? t('imports.preview.bad', { problems: n(summary.problems), problemRows: n(summary.problemRows) }) : t('imports.preview.ok', { rows: n(summary.rows) })}
          data-testid="import-verdict"
        />
      )}
      {!refused && (
        <Space size={40} wrap>
          <Statistic title={t('imports.preview.rows')} value={summary.rows} />
          <Statistic title={t('imports.preview.creates')} value={summary.creates} />
          <Statistic title={t('imports.preview.updates')} value={summary.updates} />
          <Statistic title={t('imports.preview.unchanged')} value={summary.unchanged} />
          <Statistic title={t('imports.preview.contacts')} value={summary.contacts} />
          <Statistic title={t('imports.preview.problems')} value={summary.problems} valueStyle={bad ? { color: '#cf1322' } : undefined} />
        </Space>
      )}
      {bad && <ProblemsGrid jobId={summary.jobId} />}
      <Space>
        <Button onClick={onBack}>{t('imports.mapping.back')}</Button>
        <Button onClick={onRestart} data-testid="import-restart">
          {t('imports.preview.again')}
        </Button>
        <Button type="primary" disabled={bad || summary.rows === 0} onClick={onImport} data-testid="import-commit">
          {t('imports.preview.import', { rows: n(summary.rows) })}
        </Button>
      </Space>
    </Space>
  );
}
