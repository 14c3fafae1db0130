import type { ReactNode } from 'react';
import { Alert, Modal, Typography } from 'antd';
import type { DrawerFormFrame } from './useDrawerForm';

interface Props {
  title: string;
  width: number;
  /** The OK button's text (保存, or the step it takes: 核实 …). */
  okText: string;
  /** From useDrawerForm: the save in flight, the error line, save and the keyboard. */
  frame: DrawerFormFrame;
  /** 取消 / Esc / ×: a dialog closes at once (short forms; nothing long is lost). */
  onCancel: () => void;
  /** data-testid of the OK button and of the form body (a dialog no test reaches that way goes without). */
  testIds: { save?: string; form?: string };
  /** The OK button in red: the step cannot be taken back (作废, 移除). */
  danger?: boolean;
  /** The OK button greyed out: the step cannot be taken yet (what it needs is still loading, or the form says why not). */
  okDisabled?: boolean;
  /** A line above the form saying what the step does. */
  intro?: string;
  /** Distance from the top of the window, for a tall form that would not fit at the usual 100px (a visit). */
  top?: number;
  children: ReactNode;
}

/** The dialog a short record form opens in (a complaint's intake, one step of its flow): the error line above the form. */
export function FormDialog(props: Props) {
  const { busy, error, submit, onKeyDown } = props.frame;
  return (
    <Modal
      open
      width={props.width}
      style={props.top === undefined ? undefined : { top: props.top }}
      title={props.title}
      okText={props.okText}
      okButtonProps={{ danger: props.danger, disabled: props.okDisabled, 'data-testid': props.testIds.save } as never}
      confirmLoading={busy}
      onOk={submit}
      onCancel={props.onCancel}
      maskClosable={false}
      destroyOnHidden
    >
      <div onKeyDown={onKeyDown} data-testid={props.testIds.form}>
        {props.intro && <Typography.Paragraph type="secondary">{props.intro}</Typography.Paragraph>}
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        {props.children}
      </div>
    </Modal>
  );
}
