import { useState } from 'react';
import { Alert, App, Checkbox, Form, Input, Modal, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '@shared/permissions';
import { displayName, password, roles, username, type UserRow } from '@shared/schemas/auth';
import { call } from '../../api/client';
import { applyFieldErrors, errorText, zodRule } from '../../forms/zodRule';
import { formKeyHandler } from '../../forms/keyboard';

interface Values {
  username: string;
  displayName: string;
  password: string;
  roles: Role[];
  projectStaff: boolean;
}

/** Creates a user (who must change the initial password at first login) or edits name, roles and the flag. */
export function UserForm({ user, onClose, onSaved }: { user?: UserRow; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

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
      if (user) await call('users.update', { id: user.id, displayName: v.displayName, roles: v.roles, projectStaff: v.projectStaff });
      else await call('users.create', { username: v.username, displayName: v.displayName, password: v.password, roles: v.roles, projectStaff: v.projectStaff });
      void message.success(user ? t('common.saved') : t('users.created', { username: v.username }));
      onSaved();
    } catch (err) {
      if (!applyFieldErrors(form, err, t)) setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={user ? t('users.edit') : t('users.new')} okText={t('common.save')} okButtonProps={{ 'data-testid': 'save-user' } as never} confirmLoading={busy} onOk={() => void save()} onCancel={onClose} maskClosable={false} destroyOnHidden width={560}>
      <div onKeyDown={formKeyHandler(() => void save())}>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" initialValues={user ?? { roles: ['clerk'], projectStaff: false }} validateTrigger={['onChange', 'onBlur']}>
          <Form.Item name="username" label={t('users.fields.username')} rules={user ? [] : [zodRule(username, t)]} required>
            <Input disabled={Boolean(user)} autoComplete="off" />
          </Form.Item>
          <Form.Item name="displayName" label={t('users.fields.displayName')} rules={[zodRule(displayName, t)]} required>
            <Input />
          </Form.Item>
          {!user && (
            <Form.Item name="password" label={t('users.fields.password')} rules={[zodRule(password, t)]} extra={t('auth.passwordRule')} required>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          )}
          <Form.Item name="roles" label={t('users.fields.roles')} rules={[zodRule(roles, t, (v) => v ?? [])]} required>
            <Checkbox.Group options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
          </Form.Item>
          <Form.Item name="projectStaff" label={t('users.fields.projectStaff')} valuePropName="checked" extra={t('users.projectStaffHelp')}>
            <Switch />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}
