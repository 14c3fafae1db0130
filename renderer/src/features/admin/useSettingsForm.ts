import { useEffect } from 'react';
import { App, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChannelInput, ChannelOutput } from '@shared/contract';
import { call } from '../../api/client';
import { applyFieldErrors, errorText } from '../../forms/zodRule';

type Settings = ChannelOutput<'settings.get'>;
type SettingsUpdate = Omit<ChannelInput<'settings.update'>, 'idleMinutes'>;

/**
 * The form of one card on 参数与数据检查 that saves its own settings (access days, contracts' expiring days, the
 * .csv encoding …): its fields read from settings.get, saved through settings.update, the refusal on the field.
 * `fields` picks the card's values out of all settings; they go back under the same names.
 */
export function useSettingsForm<V extends SettingsUpdate>(fields: (settings: Settings) => V) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<V>();

  useEffect(() => {
    void call('settings.get', {}).then((s) => form.setFieldsValue(fields(s) as Parameters<typeof form.setFieldsValue>[0]));
    // `fields` is a plain picker, the same on every render: load once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [form]);

  const save = async () => {
    const values = await form.validateFields();
    try {
      // settings.update carries the idle time too: send the value saved now, not one this card read earlier.
      const current = await call('settings.get', {});
      await call('settings.update', { ...values, idleMinutes: current.idleMinutes });
      void message.success(t('common.saved'));
    } catch (err) {
      if (!applyFieldErrors(form, err, t)) void message.error(errorText(err, t));
    }
  };

  return { form, save: () => void save().catch(() => undefined) };
}
