import { Form, Input, Select, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { DEFAULT_SUB_FOLDER, expandSubFolder, folderProblem, PathEscapeError, subFolderProblem } from '@shared/deliveryPaths';
import { REGISTER_KEYS, targetFields, type TargetRecord } from '@shared/schemas/delivery';
import { localDate } from '@shared/dates';
import { call } from '../../api/client';
import { zodRule } from '../../forms/zodRule';
import { FormDialog } from '../../forms/FormDialog';
import { useDrawerForm } from '../../forms/useDrawerForm';

interface Values {
  name: string;
  folder: string;
  subFolder: string;
  enabled: boolean;
  defaultRegisters: string[];
  manifest: boolean;
}

/** A rule from shared/deliveryPaths.ts: the same message the backend gives on save, shown as the admin types. */
function pathRule(check: (value: string) => { key: string; params?: Record<string, string | number> } | null, t: TFunction) {
  return {
    validator: async (_: unknown, value: unknown) => {
      const problem = check(typeof value === 'string' ? value : '');
      if (problem) throw new Error(t(problem.key, problem.params));
    },
  };
}

/** Where a file of this pattern lands, for the admin to see before saving. */
function examplePath(folder: string, pattern: string, register: string): string | null {
  if (folderProblem(folder) || subFolderProblem(pattern)) return null;
  try {
    const sep = folder.includes('\\') ? '\\' : '/';
    const parts = expandSubFolder(pattern, { register, date: localDate(new Date()) });
    return [folder.trim().replace(/[\\/]+$/, ''), ...parts, `${register}_${localDate(new Date())}_1500.xlsx`].join(sep);
  } catch (err) {
    if (err instanceof PathEscapeError) return null;
    throw err;
  }
}

/** New or edited export target (导出目标): saved only after the backend checked its folder. */
export function TargetForm({ target, onClose, onSaved }: { target?: TargetRecord; onClose: () => void; onSaved: (saved: TargetRecord) => void }) {
  const { t } = useTranslation();
  // Every field is in view, so a refusal the backend pins on a field (target.folder …) needs no error line.
  const { form, frame } = useDrawerForm<Values>({
    onClose,
    fieldPrefixes: ['target.'],
    errorLine: 'unmarked',
    save: async (v) => {
      const values = { ...v, subFolder: v.subFolder ?? '' };
      const saved = target ? await call('delivery.targets.update', { id: target.id, target: values }) : await call('delivery.targets.create', { target: values });
      onSaved(saved);
    },
  });
  const folder = Form.useWatch('folder', form) ?? target?.folder ?? '';
  const subFolder = Form.useWatch('subFolder', form) ?? target?.subFolder ?? DEFAULT_SUB_FOLDER;
  const example = examplePath(folder, subFolder, t('registers.customers'));

  return (
    <FormDialog
      width={620}
      title={target ? t('delivery.targets.edit', { name: target.name }) : t('delivery.targets.new')}
      okText={frame.busy ? t('delivery.targets.checking') : t('common.save')}
      frame={frame}
      onCancel={onClose}
      testIds={{ form: 'target-form' }}
    >
      <Form
        form={form}
        layout="vertical"
        validateTrigger={['onChange', 'onBlur']}
        initialValues={
          target
            ? { name: target.name, folder: target.folder, subFolder: target.subFolder, enabled: target.enabled, defaultRegisters: target.defaultRegisters, manifest: target.manifest }
            : { subFolder: DEFAULT_SUB_FOLDER, enabled: true, defaultRegisters: [], manifest: false }
        }
      >
        <Form.Item name="name" label={t('delivery.targets.fields.name')} rules={[zodRule(targetFields.name, t)]} required>
          <Input autoFocus maxLength={40} />
        </Form.Item>
        <Form.Item
          name="folder"
          label={t('delivery.targets.fields.folder')}
          extra={t('delivery.targets.folderHelp')}
          rules={[zodRule(targetFields.folder, t), pathRule((v) => folderProblem(v), t)]}
          required
        >
          <Input placeholder="\\fileserver\营销部\台账" spellCheck={false} />
        </Form.Item>
        <Form.Item
          name="subFolder"
          label={t('delivery.targets.fields.subFolder')}
          extra={
            <>
              {t('delivery.targets.subFolderHelp')}
              {example && (
                <div>
                  <Typography.Text type="secondary" data-testid="target-example">
                    {t('delivery.targets.example', { path: example })}
                  </Typography.Text>
                </div>
              )}
            </>
          }
          rules={[pathRule(subFolderProblem, t)]}
        >
          <Input spellCheck={false} />
        </Form.Item>
        <Form.Item name="defaultRegisters" label={t('delivery.targets.fields.defaultRegisters')} extra={t('delivery.targets.defaultRegistersHelp')}>
          <Select mode="multiple" allowClear options={REGISTER_KEYS.map((k) => ({ value: k, label: t(`registers.${k}`) }))} optionFilterProp="label" />
        </Form.Item>
        <Space size={48} align="start">
          <Form.Item name="enabled" label={t('delivery.targets.fields.enabled')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="manifest" label={t('delivery.targets.fields.manifest')} extra={t('delivery.targets.manifestHelp')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
      </Form>
    </FormDialog>
  );
}
