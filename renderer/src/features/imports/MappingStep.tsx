import { Alert, Button, DatePicker, Form, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  IMPORT_FIELDS,
  IMPORT_MODES,
  REQUIRED_IMPORT_FIELDS,
  type ImportField,
  type ImportInspectOutput,
  type ImportMode,
} from '@shared/schemas/imports';
import { importFieldLabelKey } from './fieldLabel';

export interface MappingChoice {
  /** Column → field (null: not imported), in the file's column order. */
  fields: (ImportField | null)[];
  receivedOn: Dayjs;
  mode: ImportMode;
}

/** Excel's column letters: A … Z, AA … */
function columnLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function missingRequired(fields: readonly (ImportField | null)[]): ImportField[] {
  return REQUIRED_IMPORT_FIELDS.filter((f) => !fields.includes(f));
}

interface Props {
  inspected: ImportInspectOutput;
  choice: MappingChoice;
  onChange: (choice: MappingChoice) => void;
  onBack: () => void;
  onCheck: () => void;
}

/**
 * 对应列: what each column of the file becomes. Suggested from the headers; a field goes to one column only
 * (choosing it for another column frees the first). The required fields of a new customer must have a column.
 */
export function MappingStep({ inspected, choice, onChange, onBack, onCheck }: Props) {
  const { t } = useTranslation();
  const missing = missingRequired(choice.fields);
  const required = new Set<string>(REQUIRED_IMPORT_FIELDS);

  const setField = (column: number, field: ImportField | null) =>
    onChange({ ...choice, fields: choice.fields.map((f, i) => (i === column ? field : f === field ? null : f)) });

  const options = [
    { value: '', label: t('imports.mapping.skip') },
    ...IMPORT_FIELDS.map((f) => ({ value: f, label: `${t(importFieldLabelKey(f))}${required.has(f) ? ' *' : ''}` })),
  ];

  const rows = inspected.headers.map((header, column) => ({
    key: column,
    column,
    header,
    sample: inspected.sample.map((r) => r[column] ?? '').filter(Boolean).slice(0, 3),
  }));

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="import-mapping">
      <Typography.Text type="secondary">
        {t('imports.mapping.fileInfo', { fileName: inspected.fileName, row: inspected.headerRow, columns: inspected.headers.length })}
        {inspected.sheetName && ` · ${t('imports.mapping.sheet', { sheet: inspected.sheetName })}`}
        {inspected.encoding && ` · ${t('imports.mapping.encoding', { encoding: inspected.encoding.toUpperCase() })}`}
      </Typography.Text>
      <Alert type="info" showIcon message={t('imports.mapping.intro')} />
      <Table
        size="small"
        pagination={false}
        bordered
        dataSource={rows}
        scroll={{ y: 420 }}
        columns={[
          {
            title: t('imports.mapping.column'),
            dataIndex: 'header',
            width: 220,
            render: (header: string, r) => (
              <Space>
                <Tag>{columnLetter(r.column)}</Tag>
                <span>{header || '—'}</span>
              </Space>
            ),
          },
          {
            title: t('imports.mapping.sample'),
            dataIndex: 'sample',
            render: (sample: string[]) => <Typography.Text type="secondary">{sample.join(' · ')}</Typography.Text>,
          },
          {
            title: t('imports.mapping.field'),
            width: 260,
            render: (_: unknown, r) => {
              const field = choice.fields[r.column] ?? null;
              return (
                <Select
                  value={field ?? ''}
                  options={options}
                  onChange={(v: string) => setField(r.column, v === '' ? null : (v as ImportField))}
                  style={{ width: 240 }}
                  showSearch
                  optionFilterProp="label"
                  data-testid={`map-${r.column}`}
                  aria-label={r.header}
                />
              );
            },
          },
        ]}
      />
      {missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="mapping-missing"
          message={t('imports.mapping.requiredMissing', { fields: missing.map((f) => t(importFieldLabelKey(f))).join('、') })}
        />
      )}
      <Form layout="inline">
        <Form.Item label={t('imports.mapping.receivedOn')} tooltip={t('imports.mapping.receivedOnHelp')} required>
          <DatePicker
            value={choice.receivedOn}
            allowClear={false}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            onChange={(d) => d && onChange({ ...choice, receivedOn: d })}
            data-testid="import-received-on"
          />
        </Form.Item>
        <Form.Item label={t('imports.mapping.mode')}>
          <Radio.Group value={choice.mode} onChange={(e) => onChange({ ...choice, mode: e.target.value as ImportMode })} data-testid="import-mode">
            {IMPORT_MODES.map((m) => (
              <Radio key={m} value={m}>
                {t(`imports.mapping.modes.${m}`)}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
      </Form>
      <Space>
        <Button onClick={onBack}>{t('imports.mapping.back')}</Button>
        <Button type="primary" disabled={missing.length > 0} onClick={onCheck} data-testid="import-check">
          {t('imports.mapping.check')}
        </Button>
      </Space>
    </Space>
  );
}
