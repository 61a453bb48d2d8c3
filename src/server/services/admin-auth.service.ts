/**
 * Console sign-in: scrypt password hashes (Node's own, salted, cost parameters kept with the hash),
 * random session tokens of which only a hash is stored, 12-hour sessions.
 */
import { createHash, randomBytes, randomUUID, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { AppError } from '../errors';
import type { AdminRepository, AdminUserRow } from '../repositories/admin.repository';

export const ADMIN_ROLES = ['owner', 'staff'] as const;
export type AdminRole = (typeof ADMIN_ROLES)[number];
export type AdminUser = { id: string; username: string; role: AdminRole };

export const SESSION_HOURS = 12;
export const MIN_PASSWORD_LENGTH = 10;
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

function scrypt(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => scryptCallback(password, salt, 32, options, (error, key) => (error ? reject(error) : resolve(key))));
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, SCRYPT);
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await scrypt(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p), maxmem: SCRYPT.maxmem });
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export class AdminAuthService {
  /** Checked against when the user does not exist, so a wrong name takes as long as a wrong password. */
  private readonly decoy = hashPassword(randomBytes(12).toString('base64'));

  constructor(
    private readonly admins: AdminRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async createUser(username: string, password: string, role: AdminRole): Promise<AdminUser> {
    if (!/^[A-Za-z0-9._-]{3,40}$/.test(username)) throw new AppError(400, 'invalid_user', 'A username is 3–40 letters, digits, ".", "-" or "_".');
    if (password.length < MIN_PASSWORD_LENGTH) throw new AppError(400, 'weak_password', `A password needs at least ${MIN_PASSWORD_LENGTH} characters.`);
    if (!ADMIN_ROLES.includes(role)) throw new AppError(400, 'invalid_user', `A role is one of: ${ADMIN_ROLES.join(', ')}.`);
    if (await this.admins.findUserByName(username)) throw new AppError(409, 'user_exists', `There is already a user named ${username}.`);
    const row: AdminUserRow = { id: randomUUID(), username, password_hash: await hashPassword(password), role, created_at: this.now().toISOString() };
    await this.admins.insertUser(row);
    return toUser(row);
  }

  /** A new session token for the right name and password; one message for every wrong combination. */
  async login(username: string, password: string): Promise<{ token: string; user: AdminUser }> {
    const row = await this.admins.findUserByName(username);
    const valid = await verifyPassword(password, row?.password_hash ?? (await this.decoy));
    if (!row || !valid) throw new AppError(401, 'login_failed', 'That username and password do not match.');
    const token = randomBytes(32).toString('base64url');
    const now = this.now();
    await this.admins.deleteExpiredSessions(now.toISOString());
    await this.admins.insertSession({ token_hash: tokenHash(token), user_id: row.id, created_at: now.toISOString(), expires_at: new Date(now.getTime() + SESSION_HOURS * 3_600_000).toISOString() });
    return { token, user: toUser(row) };
  }

  async userOf(token: string): Promise<AdminUser | null> {
    const row = await this.admins.findSessionUser(tokenHash(token), this.now().toISOString());
    return row ? toUser(row) : null;
  }

  async logout(token: string): Promise<void> {
    await this.admins.deleteSession(tokenHash(token));
  }
}

function toUser(row: AdminUserRow): AdminUser {
  return { id: row.id, username: row.username, role: row.role as AdminRole };
}
