/**
 * `npm run token -- <create|list|revoke> …`: API tokens, against the store confwatch runs on. A new
 * token is printed alone on the last line (so `| tail -n 1` gets it) and works at once; a revoked
 * one stops working, open sockets included, within seconds.
 */
import { AccountError } from '@/server/auth/accounts';
import { RoleSchema } from '@/server/auth/roles';
import { EnvError } from '@/server/env';
import { listOption, withAccounts } from './account-store';
import { formatHelp, parseArgs, runCli, UsageError, type OptionSpec } from './cli-args';

const OPTIONS = {
  role: { kind: 'choice', choices: RoleSchema.options, help: "the token's role (create)" },
  name: { kind: 'string', help: 'what the token is for, shown in lists and the audit log (create)' },
  queues: { kind: 'string', help: 'comma-separated queue names or ARNs it may see (create; default all)' },
  hierarchy: { kind: 'string', help: 'comma-separated hierarchy group names or ARNs it may see (create)' },
} satisfies Record<string, OptionSpec>;

const USAGE =
  'npm run token -- create --role <role> [--name n] [--queues a,b] [--hierarchy g] | list | revoke <id>';

async function main(): Promise<void> {
  const { options, positionals, help } = parseArgs(process.argv.slice(2), OPTIONS);
  if (help) return void console.log(formatHelp(USAGE, OPTIONS));
  const [command, id] = positionals;
  try {
    await withAccounts(async (accounts, audited) => {
      switch (command) {
        case 'create': {
          if (!options.role) throw new UsageError('create needs --role');
          const created = await audited('token-create', options.name ?? options.role, () =>
            accounts.createToken({
              role: options.role!,
              ...(options.name ? { name: options.name } : {}),
              queues: listOption(options.queues),
              groups: listOption(options.hierarchy),
              createdBy: 'npm run token',
            }),
          );
          console.log(
            `created token ${created.record.id} "${created.record.name}" (${created.record.role}); shown once:`,
          );
          console.log(created.token);
          return;
        }
        case 'list':
          for (const t of await accounts.listTokens()) {
            const scope = [
              ...t.scope.queues.map((q) => `queue ${q}`),
              ...t.scope.groups.map((g) => `group ${g}`),
            ];
            const state = t.revokedAt === null ? 'live' : `revoked ${new Date(t.revokedAt).toISOString()}`;
            console.log(`${t.id}\t${t.role}\t${t.name}\t${scope.join(', ') || 'all'}\t${state}`);
          }
          return;
        case 'revoke':
          if (!id) throw new UsageError('revoke needs a token id (see npm run token -- list)');
          await audited('token-revoke', id, () => accounts.revokeToken(id));
          return void console.log(`revoked ${id}; it stops working within seconds`);
        default:
          throw new UsageError(command ? `unknown command "${command}"` : `say what to do: ${USAGE}`);
      }
    });
  } catch (error) {
    if (error instanceof AccountError || error instanceof EnvError) throw new Error(error.message);
    throw error;
  }
}

runCli('token', main);
