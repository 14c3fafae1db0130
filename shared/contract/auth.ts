import { z } from 'zod';
import { channel } from './channel';
import { empty, ok } from '../schemas/common';
import {
  changePasswordInput,
  loginInput,
  sessionUser,
  setupInput,
  setupStatus,
  userCreateInput,
  userResetPasswordInput,
  userRow,
  userUpdateInput,
} from '../schemas/auth';
import { gridPageSchema, gridQuerySchema } from '../grid';
import { userGridColumns } from '../grids/admin';

export const authChannels = {
  'setup.status': channel({ input: empty, output: setupStatus, access: 'public', tx: 'read' }),
  'setup.createAdmin': channel({ input: setupInput, output: sessionUser, access: 'public', tx: 'manual' }),
  'auth.login': channel({ input: loginInput, output: sessionUser, access: 'public', tx: 'manual' }),
  'auth.logout': channel({ input: empty, output: ok, access: 'authenticated', tx: 'manual' }),
  'auth.session': channel({ input: empty, output: sessionUser, access: 'authenticated', tx: 'read', activity: false }),
  'auth.changePassword': channel({ input: changePasswordInput, output: ok, access: 'authenticated', tx: 'write' }),
  'users.query': channel({
    input: gridQuerySchema(userGridColumns),
    output: gridPageSchema(userRow),
    access: 'users.manage',
    tx: 'read',
  }),
  'users.create': channel({ input: userCreateInput, output: userRow, access: 'users.manage', tx: 'write' }),
  'users.update': channel({ input: userUpdateInput, output: userRow, access: 'users.manage', tx: 'write' }),
  'users.resetPassword': channel({ input: userResetPasswordInput, output: ok, access: 'users.manage', tx: 'write' }),
  'users.unlock': channel({ input: z.object({ id: z.int().positive() }).strict(), output: ok, access: 'users.manage', tx: 'write' }),
};
