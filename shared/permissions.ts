/**
 * Roles, permissions and the matrix between them. The backend enforces this for every channel; the renderer
 * uses it only to hide what a user could not do anyway.
 */
export const ROLES = ['admin', 'clerk', 'storekeeper', 'pointsOperator', 'supervisor', 'manager', 'reviewer'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'dashboard.view',
  'customers.read',
  'customers.write',
  'customers.archive',
  'customers.editCode',
  /** 合并重复客户: only admin merges duplicates (customers.md "Access"). */
  'customers.merge',
  'customers.approveOrderCycle',
  'customers.requestAccess',
  'customers.approveAccess',
  'customers.export',
  'complaints.handle',
  'contracts.approveSpecial',
  'staff.read',
  'staff.manage',
  'codeLists.manage',
  'users.manage',
  'audit.read',
  'system.settings',
  'system.doctor',
  'calendar.manage',
  /** 备份与恢复: run a backup, restore one (admin only). */
  'backups.manage',
  /** 导出目标: define, check and change the folders reports are delivered to (admin only). */
  'delivery.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** What a channel demands: nobody logged in (`public`), any logged-in user, or one permission. */
export type Access = 'public' | 'authenticated' | Permission;

const everyone: Permission[] = ['dashboard.view'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: [...PERMISSIONS],
  clerk: [
    ...everyone,
    'customers.read',
    'customers.write',
    'customers.archive',
    'customers.export',
    'complaints.handle',
    'staff.read',
  ],
  // Other departments see no customer archive; they may ask a marketing supervisor for time-limited access.
  storekeeper: [...everyone, 'customers.requestAccess'],
  pointsOperator: [...everyone, 'customers.requestAccess'],
  supervisor: [
    ...everyone,
    'customers.read',
    'customers.export',
    'customers.approveOrderCycle',
    'customers.approveAccess',
    // The department head approves special contracts (特殊合同) before they are signed.
    'contracts.approveSpecial',
    // Supervisors verify complaints, assign responsibility and approve handling plans (not the archive itself).
    'complaints.handle',
    'staff.read',
    'audit.read',
  ],
  manager: [...everyone, 'customers.read', 'customers.export', 'staff.read'],
  reviewer: [...everyone, 'customers.requestAccess'],
};

/**
 * "Project staff" (项目专职) is not a role but a flag on the user: it alone opens A-class customers, whatever
 * the roles (an admin without it does not see them either).
 */
export interface Grants {
  roles: readonly Role[];
  projectStaff: boolean;
}

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  const set = new Set<Permission>();
  for (const role of roles) for (const p of ROLE_PERMISSIONS[role]) set.add(p);
  return set;
}

export function allows(roles: readonly Role[], access: Access): boolean {
  if (access === 'public' || access === 'authenticated') return true;
  return permissionsOf(roles).has(access);
}
