import { App, Checkbox, Form, Input, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '@shared/permissions';
import { displayName, password, roles, username, type UserRow } from '@shared/schemas/auth';
import { call } from '../../api/client';
import { zodRule } from '../../forms/zodRule';
import { FormDialog } from '../../forms/FormDialog';
import { useDrawerForm } from '../../forms/useDrawerForm';

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

  // Every field is in view, so a refusal the backend pins on a field (username taken …) needs no error line.
  const { form, frame } = useDrawerForm<Values>({
    onClose,
    errorLine: 'unmarked',
    save: async (v) => {
      if (user) await call('users.update', { id: user.id, displayName: v.displayName, roles: v.roles, projectStaff: v.projectStaff });
      else await call('users.create', { username: v.username, displayName: v.displayName, password: v.password, roles: v.roles, projectStaff: v.projectStaff });
      void message.success(user ? t('common.saved') : t('users.created', { username: v.username }));
      onSaved();
    },
  });

  return (
    <FormDialog width={560} title={user ? t('users.edit') : t('users.new')} okText={t('common.save')} frame={frame} onCancel={onClose} testIds={{ save: 'save-user' }}>
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
    </FormDialog>
  );
}
