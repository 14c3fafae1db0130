import { randomBytes } from 'node:crypto';
import { permissionsOf, type Permission, type Role } from '@shared/permissions';
import { AppError } from '@shared/errors';
import type { Clock } from '../clock';

export interface Session {
  readonly id: string;
  readonly userId: number;
  username: string;
  displayName: string;
  roles: Role[];
  projectStaff: boolean;
  permissions: Set<Permission>;
  mustChangePassword: boolean;
  lastActivity: number;
}

export interface SessionUserFacts {
  userId: number;
  username: string;
  displayName: string;
  roles: Role[];
  projectStaff: boolean;
  mustChangePassword: boolean;
}

/**
 * Logged-in sessions, in memory: they end on logout, on app exit (the process ends), or after the idle time.
 * A user's sessions follow changes to the account (roles, deactivation) immediately.
 */
export class Sessions {
  private readonly byId = new Map<string, Session>();
  idleMinutes = 30;

  constructor(private readonly clock: Clock) {}

  start(facts: SessionUserFacts): Session {
    const session: Session = {
      id: randomBytes(24).toString('base64url'),
      ...facts,
      permissions: permissionsOf(facts.roles),
      lastActivity: this.clock.now().getTime(),
    };
    this.byId.set(session.id, session);
    return session;
  }

  /** The live session for an id; an idle one is ended and reported as expired. */
  resolve(id: string | null, touch: boolean): Session {
    const session = id ? this.byId.get(id) : undefined;
    if (!session) throw new AppError('UNAUTHENTICATED', 'errors.auth.required');
    const now = this.clock.now().getTime();
    if (now - session.lastActivity > this.idleMinutes * 60_000) {
      this.byId.delete(session.id);
      throw new AppError('UNAUTHENTICATED', 'errors.auth.idle');
    }
    if (touch) session.lastActivity = now;
    return session;
  }

  peek(id: string | null): Session | undefined {
    return id ? this.byId.get(id) : undefined;
  }

  end(id: string | null): void {
    if (id) this.byId.delete(id);
  }

  /** Ends every session (a restored database: everyone logs in again against its accounts). */
  endAll(): void {
    this.byId.clear();
  }

  /** Applies an account change to every session of that user; a deactivated user is logged out. */
  refreshUser(userId: number, facts: Omit<SessionUserFacts, 'userId'> & { active: boolean }): void {
    for (const [id, s] of this.byId) {
      if (s.userId !== userId) continue;
      if (!facts.active) {
        this.byId.delete(id);
        continue;
      }
      s.username = facts.username;
      s.displayName = facts.displayName;
      s.roles = facts.roles;
      s.projectStaff = facts.projectStaff;
      s.permissions = permissionsOf(facts.roles);
      s.mustChangePassword = facts.mustChangePassword;
    }
  }
}
