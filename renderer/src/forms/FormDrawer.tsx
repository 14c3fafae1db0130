import type { ReactNode } from 'react';
import { Alert, Button, Drawer, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DrawerFormFrame } from './useDrawerForm';

interface Props {
  title: string;
  width: number;
  /** From useDrawerForm: the save in flight, the error line, save and the close that asks first. */
  frame: DrawerFormFrame;
  /** data-testid of the save button, the form body and the error line. */
  testIds: { save: string; form: string; error: string };
  children: ReactNode;
}

/** The drawer a record form opens in: shortcut hint, 取消 and 保存 at the top right, the error line above the form. */
export function FormDrawer(props: Props) {
  const { t } = useTranslation();
  const { busy, error, submit, close, onKeyDown } = props.frame;
  return (
    <Drawer
      open
      width={props.width}
      title={props.title}
      onClose={close}
      maskClosable={false}
      destroyOnHidden
      extra={
        <Space>
          <Typography.Text type="secondary">{t('common.shortcutsHint')}</Typography.Text>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button type="primary" loading={busy} onClick={submit} data-testid={props.testIds.save}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <div onKeyDown={onKeyDown} data-testid={props.testIds.form}>
        {error && (
          <Alert
            type="error"
            showIcon
            message={error}
            style={{ marginBottom: 16 }}
            data-testid={props.testIds.error}
          />
        )}
        {props.children}
      </div>
    </Drawer>
  );
}
