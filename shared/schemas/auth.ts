import { z } from 'zod';
import { PERMISSIONS, ROLES } from '../permissions';
import { id, optionalText, requiredText } from './common';

export const username = z
  .string('v.required')
  .trim()
  .min(1, 'v.required')
  .max(32, 'v.tooLong')
  .regex(/^[A-Za-z0-9_.-]+$/, 'v.username');
/** At least 8 characters with a letter and a digit: enough for an office PC, not a bank. */
export const password = z
  .string('v.required')
  .min(8, 'v.passwordShort')
  .max(128, 'v.tooLong')
  .refine((s) => /[A-Za-z]/.test(s) && /\d/.test(s), 'v.passwordWeak');
export const displayName = requiredText(50);
export const roles = z.array(z.enum(ROLES)).min(1, 'v.roleRequired').max(ROLES.length);

export const sessionUser = z.object({
  id: z.int(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)),
  projectStaff: z.boolean(),
  permissions: z.array(z.enum(PERMISSIONS)),
  mustChangePassword: z.boolean(),
  idleMinutes: z.int(),
});
export type SessionUser = z.output<typeof sessionUser>;

export const setupStatus = z.object({ needsAdmin: z.boolean() });
export const setupInput = z
  .object({ username, displayName, password, loadDemo: z.boolean().default(false) })
  .strict();
export const loginInput = z.object({ username: z.string().trim().min(1, 'v.required').max(64), password: z.string().min(1, 'v.required').max(128) }).strict();
export const changePasswordInput = z.object({ current: z.string().min(1, 'v.required').max(128), next: password }).strict();

export const userRow = z.object({
  id: z.int(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)),
  projectStaff: z.boolean(),
  active: z.boolean(),
  lastLoginAt: z.string().nullable(),
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
});
export type UserRow = z.output<typeof userRow>;

export const userCreateInput = z
  .object({ username, displayName, password, roles, projectStaff: z.boolean().default(false), note: optionalText(200) })
  .strict();
export const userUpdateInput = z
  .object({
    id,
    displayName: displayName.optional(),
    roles: roles.optional(),
    projectStaff: z.boolean().optional(),
    active: z.boolean().optional(),
  })
  .strict();
export const userResetPasswordInput = z.object({ id, password }).strict();
