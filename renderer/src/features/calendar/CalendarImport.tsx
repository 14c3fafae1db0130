import { useRef, useState } from 'react';
import { Alert, Button, Modal, Space, Table, Tag, Typography } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  CALENDAR_IMPORT_MAX_BYTES,
  type CalendarImportPreview,
  type CalendarImportRow,
} from '@shared/schemas/calendar';
import { call } from '../../api/client';
import { errorText } from '../../forms/zodRule';

/** The file's bytes as base64 (in slices: one spread of a whole file would overflow the call stack). */
async function fileBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

function problemText(t: TFunction, problem: CalendarImportRow['problems'][number]): string {
  const kind = problem.params.existingKind;
  return t(`calendar.import.problems.${problem.key}`, {
    ...problem.params,
    existingKind: kind ? t(`calendar.kinds.${kind}`) : '',
  });
}

const STATUS_COLOR = { new: 'green', same: 'default', problem: 'red' } as const;

/**
 * 导入工作日历: the admin picks a .xlsx/.csv; the backend checks every line (nothing written) and the dialog lists
 * what would happen. 确认导入 is offered only for a file without problems, and imports all of it or nothing.
 */
export function CalendarImport({
  onClose,
  onDone,
}: {
  onClose: () => void;
  onDone: (created: number) => void;
}) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement | null>(null);
  const [file, setFile] = useState<{ fileName: string; contentBase64: string } | null>(null);
  const [preview, setPreview] = useState<CalendarImportPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const choose = async (chosen: File | undefined) => {
    if (input.current) input.current.value = '';
    if (!chosen) return;
    setPreview(null);
    setFile(null);
    setError(null);
    if (chosen.size > CALENDAR_IMPORT_MAX_BYTES) {
      setError(t('calendar.import.tooLarge'));
      return;
    }
    setBusy(true);
    try {
      const picked = { fileName: chosen.name, contentBase64: await fileBase64(chosen) };
      setPreview(await call('calendar.importPreview', picked));
      setFile(picked);
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };

  const commit = async () => {
    if (!file) return;
    setBusy(true);
    try {
      const result = await call('calendar.import', file);
      onDone(result.created);
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };

  const counts = preview?.counts;
  const ready = counts !== undefined && counts.problems === 0 && counts.new > 0;
  return (
    <Modal
      open
      width={860}
      title={t('calendar.import.title')}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            disabled={!ready}
            loading={busy && !!file}
            onClick={() => void commit()}
            data-testid="calendar-import-confirm"
          >
            {t('calendar.import.confirm')}
          </Button>
        </Space>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }} size="middle" data-testid="calendar-import">
        <Typography.Text type="secondary">{t('calendar.import.help')}</Typography.Text>
        <Space>
          <Button icon={<UploadOutlined />} loading={busy && !file} onClick={() => input.current?.click()}>
            {t('calendar.import.choose')}
          </Button>
          {preview && <Typography.Text>{preview.fileName}</Typography.Text>}
          <input
            ref={input}
            type="file"
            accept=".xlsx,.csv"
            style={{ display: 'none' }}
            onChange={(e) => void choose(e.target.files?.[0])}
            data-testid="calendar-import-file"
          />
        </Space>
        {error && <Alert type="error" showIcon message={error} data-testid="calendar-import-error" />}
        {counts && (
          <Alert
            showIcon
            type={counts.problems ? 'error' : ready ? 'success' : 'info'}
            message={t('calendar.import.summary', counts)}
            description={
              counts.problems
                ? t('calendar.import.hasProblems', { count: counts.problems })
                : ready
                  ? t('calendar.import.ready', { count: counts.new })
                  : t('calendar.import.nothingNew')
            }
            data-testid="calendar-import-summary"
          />
        )}
        {preview && (
          <Table<CalendarImportRow>
            size="small"
            rowKey="line"
            pagination={false}
            scroll={{ y: 320 }}
            dataSource={preview.rows}
            columns={[
              { title: t('calendar.import.columns.line'), dataIndex: 'line', width: 64 },
              {
                title: t('calendar.import.columns.date'),
                width: 120,
                render: (_, r) => r.date ?? r.dateText,
              },
              {
                title: t('calendar.import.columns.kind'),
                width: 110,
                render: (_, r) => (r.kind ? t(`calendar.kinds.${r.kind}`) : r.kindText),
              },
              { title: t('calendar.import.columns.name'), dataIndex: 'name', width: 150, ellipsis: true },
              {
                title: t('calendar.import.columns.result'),
                render: (_, r) => (
                  <Space direction="vertical" size={0}>
                    <Tag color={STATUS_COLOR[r.status]}>{t(`calendar.import.statuses.${r.status}`)}</Tag>
                    {r.problems.map((p) => (
                      <Typography.Text key={p.key} type="danger">
                        {problemText(t, p)}
                      </Typography.Text>
                    ))}
                  </Space>
                ),
              },
            ]}
          />
        )}
      </Space>
    </Modal>
  );
}
