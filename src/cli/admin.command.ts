/** `kiosk admin create`: the console's first owner (and later accounts), from the shell. */
import type { Command } from 'commander';
import { loadConfig } from '../config/config';
import { AdminRepository } from '../server/repositories/admin.repository';
import { ADMIN_ROLES, AdminAuthService, MIN_PASSWORD_LENGTH, type AdminRole } from '../server/services/admin-auth.service';
import { openStore } from '../server/store';

/** The password comes from stdin (or KIOSK_ADMIN_PASSWORD), never from the command line, which other users can see. */
async function readPassword(): Promise<string> {
  if (process.env.KIOSK_ADMIN_PASSWORD) return process.env.KIOSK_ADMIN_PASSWORD;
  if (process.stdin.isTTY) process.stderr.write(`Password (at least ${MIN_PASSWORD_LENGTH} characters), then Enter and Ctrl-D: `);
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  return text.replace(/\r?\n$/, '');
}

export function registerAdminCommands(program: Command): void {
  program
    .command('admin')
    .description('operator console accounts')
    .command('create')
    .description('create a console account (the password is read from stdin or KIOSK_ADMIN_PASSWORD)')
    .requiredOption('--username <name>', 'sign-in name')
    .option('--role <role>', ADMIN_ROLES.join(' | '), 'owner')
    .action(async (options: { username: string; role: string }) => {
      if (!ADMIN_ROLES.includes(options.role as AdminRole)) throw new Error(`--role must be one of ${ADMIN_ROLES.join(', ')}, not "${options.role}".`);
      const password = await readPassword();
      const { db } = await openStore(loadConfig());
      try {
        const user = await new AdminAuthService(new AdminRepository(db)).createUser(options.username, password, options.role as AdminRole);
        console.log(`Created ${user.role} "${user.username}". Sign in at /admin.`);
      } finally {
        await db.destroy();
      }
    });
}
