import { AutoComplete, Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ARCHIVE_DOC_ROLES, archiveDocFields, type ArchiveDocRecord, type FileIndexRow } from '@shared/schemas/archiveDoc';
import { call } from '../../api/client';
import { zodRule } from '../../forms/zodRule';
import { FormDialog } from '../../forms/FormDialog';
import { useDrawerForm } from '../../forms/useDrawerForm';
import { fromIsoDate, toIsoDate } from '../../forms/fieldValues';

/** The kinds (文种) a marketing office's customer file usually holds; any other can be typed. */
const COMMON_KINDS = ['合同', '补充协议', '请示', '批复', '通知', '函', '报告', '营业执照复印件', '授权委托书', '报价单', '会议纪要', '对账单'];
const NEW_ITEM = 0;

interface Values {
  sequence: number;
  role: ArchiveDocRecord['role'];
  kind: string;
  title: string;
  docNo?: string;
  author?: string;
  docDate?: Dayjs | null;
  copies: number;
  pages: number;
  notes?: string;
}

const blank = (s: string | undefined | null) => (s && s.trim() ? s.trim() : null);

/** Registers a paper document in the customer's file, or edits one; the item (件号) decides where it is filed. */
export function ArchiveDocModal({ customerId, doc, rows, onClose, onSaved }: { customerId: number; doc?: ArchiveDocRecord; rows: FileIndexRow[]; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const items = [...new Map(rows.map((r) => [r.sequence, r.title])).entries()];

  // Every field is in view, so a refusal the backend pins on a field (doc.title, changes.sequence …) needs no error line.
  const { form, frame } = useDrawerForm<Values>({
    onClose,
    fieldPrefixes: ['doc.', 'changes.'],
    errorLine: 'unmarked',
    save: async (v) => {
      const values = {
        role: v.role,
        kind: v.kind.trim(),
        title: v.title.trim(),
        docNo: blank(v.docNo),
        author: blank(v.author),
        docDate: toIsoDate(v.docDate),
        copies: v.copies,
        pages: v.pages,
        notes: blank(v.notes),
      };
      if (doc) {
        const sequence = v.sequence === NEW_ITEM ? (items.at(-1)?.[0] ?? 0) + 1 : v.sequence;
        const next = { ...values, sequence };
        const changes = Object.fromEntries(Object.entries(next).filter(([k, x]) => doc[k as keyof ArchiveDocRecord] !== x));
        if (Object.keys(changes).length) await call('archiveDocs.update', { id: doc.id, changes });
      } else {
        await call('archiveDocs.create', { customerId, doc: { ...values, ...(v.sequence === NEW_ITEM ? {} : { sequence: v.sequence }) } });
      }
      onSaved();
    },
  });

  const f = (k: string) => t(`archiveDocs.fields.${k}`);
  const rule = (k: keyof typeof archiveDocFields) => zodRule(archiveDocFields[k], t);
  return (
    <FormDialog
      width={760}
      title={doc ? t('archiveDocs.editTitle') : t('archiveDocs.add')}
      okText={t('common.save')}
      frame={frame}
      onCancel={onClose}
      testIds={{ save: 'save-archive-doc', form: 'archive-doc-form' }}
    >
      <Form
        form={form}
        layout="vertical"
        validateTrigger={['onChange', 'onBlur']}
        initialValues={
          doc
            ? { ...doc, docDate: fromIsoDate(doc.docDate) }
            : { sequence: NEW_ITEM, role: 'document', copies: 1, pages: 1 }
        }
      >
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="sequence" label={f('sequence')} extra={t('archiveDocs.help.sequence')} required>
              <Select
                options={[
                  ...items.map(([n, title]) => ({ value: n, label: `${t('archiveDocs.item', { n })}：${title}` })),
                  ...(doc && items.length && items.at(-1)![0] === doc.sequence && rows.filter((r) => r.sequence === doc.sequence).length === 1
                    ? []
                    : [{ value: NEW_ITEM, label: t('archiveDocs.newItem') }]),
                ]}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="role" label={f('role')} rules={[rule('role')]} required>
              <Select options={ARCHIVE_DOC_ROLES.map((r) => ({ value: r, label: t(`archiveDocs.roles.${r}`) }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="kind" label={f('kind')} rules={[rule('kind')]} required>
              <AutoComplete options={COMMON_KINDS.map((k) => ({ value: k }))} filterOption={(input, o) => String(o?.value ?? '').includes(input)} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="title" label={f('title')} rules={[rule('title')]} required>
              <Input maxLength={220} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="docNo" label={f('docNo')} rules={[rule('docNo')]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="author" label={f('author')} rules={[rule('author')]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="docDate" label={f('docDate')} rules={[zodRule(archiveDocFields.docDate, t, (x) => toIsoDate(x as never))]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="copies" label={f('copies')} rules={[rule('copies')]} required>
              <InputNumber min={1} max={999} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="pages" label={f('pages')} rules={[rule('pages')]} extra={t('archiveDocs.help.pages')} required>
              <InputNumber min={1} max={9999} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="notes" label={f('notes')} rules={[rule('notes')]}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </FormDialog>
  );
}
