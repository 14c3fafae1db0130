import { useEffect, useState } from 'react';
import { Alert, Button, Drawer, Form, Input, Radio, Select, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { EXPORT_FORMATS } from '@shared/grid';
import { SCHEDULE_RULE_KINDS, scheduleTime, type ScheduleRuleKind } from '@shared/schedules';
import {
  scheduleFields,
  type ScheduleInput,
  type ScheduleRecord,
  type scheduleOptions,
} from '@shared/schemas/schedules';
import type { TargetOption } from '@shared/schemas/delivery';
import { call } from '../../api/client';
import { applyFieldErrors, errorText, zodRule } from '../../forms/zodRule';
import { formKeyHandler } from '../../forms/keyboard';

interface Values {
  name: string;
  kind: ScheduleRuleKind;
  weekday: number;
  time: string;
  registers: string[];
  changedOnly: boolean;
  format: 'xlsx' | 'csv';
  targetId: number | null;
  ownerId: number | null;
  enabled: boolean;
}

type Options = z.output<typeof scheduleOptions>;

function valuesOf(s: ScheduleRecord | undefined): Values {
  if (!s)
    return {
      name: '',
      kind: 'weekly',
      weekday: 5,
      time: '17:00',
      registers: [],
      changedOnly: false,
      format: 'xlsx',
      targetId: null,
      ownerId: null,
      enabled: true,
    };
  return {
    name: s.name,
    kind: s.rule.kind,
    weekday: s.rule.kind === 'weekly' ? s.rule.weekday : 5,
    time: s.rule.time,
    registers: s.registers,
    changedOnly: s.changedOnly,
    format: s.format,
    targetId: s.targetId,
    ownerId: s.ownerId,
    // A default waiting for its target opens ready to be switched on once the admin picks one.
    enabled: s.enabled || (s.preset !== null && s.targetId === null),
  };
}

function ruleOf(v: Values) {
  return v.kind === 'weekly'
    ? { kind: 'weekly' as const, weekday: v.weekday, time: v.time }
    : { kind: v.kind, time: v.time };
}

/** New or edited 定时导出, in a drawer; each field checked as the admin types with the backend's own schema. */
export function ScheduleForm({
  schedule,
  onClose,
  onSaved,
}: {
  schedule?: ScheduleRecord;
  onClose: () => void;
  onSaved: (saved: ScheduleRecord) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [targets, setTargets] = useState<TargetOption[]>([]);
  const [options, setOptions] = useState<Options>({ registers: [], owners: [] });
  const kind = Form.useWatch('kind', form) ?? valuesOf(schedule).kind;

  useEffect(() => {
    void Promise.all([call('delivery.targets.options', {}), call('schedules.options', {})])
      .then(([targetList, opts]) => {
        setTargets(targetList);
        setOptions(opts);
      })
      .catch((err: unknown) => setError(errorText(err, t)));
  }, [t]);

  /** Enabled needs a target and an owner: the schema's cross-field rule, shown under the field it concerns. */
  const neededWhenEnabled = (key: string) => ({
    validator: async (_: unknown, value: unknown) => {
      if (form.getFieldValue('enabled') && (value === null || value === undefined)) throw new Error(t(key));
    },
  });

  const save = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const input = {
        name: v.name,
        rule: ruleOf(v),
        registers: v.registers,
        changedOnly: v.changedOnly,
        format: v.format,
        targetId: v.targetId ?? null,
        ownerId: v.ownerId ?? null,
        enabled: v.enabled,
      } as ScheduleInput;
      const saved = schedule
        ? await call('schedules.update', { id: schedule.id, schedule: input })
        : await call('schedules.create', { schedule: input });
      onSaved(saved);
    } catch (err) {
      // schedule.rule.time → the form's time field; the rest keep their names.
      if (!applyFieldErrors(form, err, t, ['schedule.rule.', 'schedule.'])) setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer
      open
      width={560}
      title={schedule ? t('schedules.edit', { name: schedule.name }) : t('schedules.new')}
      onClose={onClose}
      maskClosable={false}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={busy} onClick={() => void save()} data-testid="save-schedule">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <div onKeyDown={formKeyHandler(() => void save())} data-testid="schedule-form">
        {error && (
          <Alert
            type="error"
            showIcon
            message={error}
            style={{ marginBottom: 12 }}
            data-testid="schedule-form-error"
          />
        )}
        {schedule?.preset && schedule.targetId === null && (
          <Alert type="info" showIcon message={t('schedules.presetWaiting')} style={{ marginBottom: 12 }} />
        )}
        <Form
          form={form}
          layout="vertical"
          validateTrigger={['onChange', 'onBlur']}
          initialValues={valuesOf(schedule)}
        >
          <Form.Item
            name="name"
            label={t('schedules.fields.name')}
            rules={[zodRule(scheduleFields.name, t)]}
            required
          >
            <Input autoFocus maxLength={40} data-testid="schedule-name" />
          </Form.Item>
          <Space size={12} align="start" wrap>
            <Form.Item name="kind" label={t('schedules.fields.kind')}>
              <Select
                style={{ width: 200 }}
                options={SCHEDULE_RULE_KINDS.map((k) => ({ value: k, label: t(`schedules.kinds.${k}`) }))}
                data-testid="schedule-kind"
              />
            </Form.Item>
            {kind === 'weekly' && (
              <Form.Item name="weekday" label={t('schedules.fields.weekday')}>
                <Select
                  style={{ width: 110 }}
                  options={[1, 2, 3, 4, 5, 6, 0].map((d) => ({
                    value: d,
                    label: t(`schedules.weekdays.${d}`),
                  }))}
                />
              </Form.Item>
            )}
            <Form.Item
              name="time"
              label={t('schedules.fields.time')}
              rules={[zodRule(scheduleTime, t)]}
              required
              style={{ maxWidth: 150 }}
            >
              <Input style={{ width: 100 }} placeholder="17:00" maxLength={5} data-testid="schedule-time" />
            </Form.Item>
          </Space>
          <Form.Item
            name="registers"
            label={t('schedules.fields.registers')}
            rules={[zodRule(scheduleFields.registers, t, (v) => v ?? [])]}
            required
          >
            <Select
              mode="multiple"
              allowClear
              options={options.registers.map((k) => ({ value: k, label: t(`registers.${k}`) }))}
              optionFilterProp="label"
              data-testid="schedule-registers"
            />
          </Form.Item>
          <Form.Item
            name="changedOnly"
            label={t('schedules.fields.changedOnly')}
            extra={t('schedules.changedOnlyHelp')}
            valuePropName="checked"
          >
            <Switch />
          </Form.Item>
          <Form.Item name="format" label={t('schedules.fields.format')}>
            <Radio.Group
              options={EXPORT_FORMATS.map((f) => ({ value: f, label: t(`delivery.export.${f}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="targetId"
            label={t('schedules.fields.target')}
            dependencies={['enabled']}
            rules={[neededWhenEnabled('schedules.v.targetNeeded')]}
          >
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              options={targets.map((o) => ({ value: o.id, label: o.name }))}
              placeholder={schedule?.targetName ?? undefined}
              data-testid="schedule-target"
            />
          </Form.Item>
          <Form.Item
            name="ownerId"
            label={t('schedules.fields.owner')}
            extra={t('schedules.ownerHelp')}
            dependencies={['enabled']}
            rules={[neededWhenEnabled('schedules.v.ownerNeeded')]}
          >
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              options={options.owners.map((u) => ({
                value: u.id,
                label: `${u.displayName}（${u.username}）${u.projectStaff ? ' · A' : ''}`,
              }))}
              data-testid="schedule-owner"
            />
          </Form.Item>
          <Form.Item name="enabled" label={t('schedules.fields.enabled')} valuePropName="checked">
            <Switch data-testid="schedule-enabled" />
          </Form.Item>
          <Typography.Text type="secondary">{t('schedules.help')}</Typography.Text>
        </Form>
      </div>
    </Drawer>
  );
}
