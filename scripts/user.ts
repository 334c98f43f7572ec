/**
 * `npm run user -- <add|passwd|remove|list> …`: local users, against the store confwatch runs on.
 * A password comes from standard input when it is not a terminal; otherwise one is generated,
 * printed once, and must be changed at the first sign-in.
 */
import { AccountError } from '@/server/auth/accounts';
import { PersonRoleSchema } from '@/server/auth/roles';
import { EnvError } from '@/server/env';
import { listOption, readStdin, withAccounts } from './account-store';
import { formatHelp, parseArgs, runCli, UsageError, type OptionSpec } from './cli-args';

const OPTIONS = {
  role: { kind: 'choice', choices: PersonRoleSchema.options, help: "the user's role (add)" },
  queues: { kind: 'string', help: 'comma-separated queue names or ARNs the user may see (add; default all)' },
  hierarchy: { kind: 'string', help: 'comma-separated hierarchy group names or ARNs the user may see (add)' },
} satisfies Record<string, OptionSpec>;

const USAGE =
  'npm run user -- add <name> --role <role> [--queues a,b] [--hierarchy g1,g2] | passwd <name> | remove <name> | list';

/** A password piped in; none (so one is generated) from a terminal or an empty pipe. */
async function passwordFromStdin(): Promise<string | undefined> {
  if (process.stdin.isTTY) return undefined;
  const piped = await readStdin();
  return piped === '' ? undefined : piped;
}

async function main(): Promise<void> {
  const { options, positionals, help } = parseArgs(process.argv.slice(2), OPTIONS);
  if (help) return void console.log(formatHelp(USAGE, OPTIONS));
  const [command, name] = positionals;
  const needName = () => {
    if (!name) throw new UsageError(`${command} needs a user name`);
    return name;
  };
  try {
    await withAccounts(async (accounts, audited) => {
      switch (command) {
        case 'add': {
          if (!options.role) throw new UsageError('add needs --role');
          const password = await passwordFromStdin();
          const added = await audited('user-add', needName(), () =>
            accounts.addUser({
              name: needName(),
              role: options.role!,
              queues: listOption(options.queues),
              groups: listOption(options.hierarchy),
              ...(password !== undefined ? { password } : {}),
            }),
          );
          console.log(`added ${added.user.name} (${added.user.role})`);
          if (added.generatedPassword)
            console.log(
              `one-time password (shown once; it must be changed at the first sign-in):\n${added.generatedPassword}`,
            );
          return;
        }
        case 'passwd': {
          const password = await passwordFromStdin();
          const changed = await audited('user-passwd', needName(), () =>
            accounts.passwd(needName(), password),
          );
          console.log(`new password set for ${name}; their sessions have ended`);
          if (changed.generatedPassword)
            console.log(
              `one-time password (shown once; it must be changed at the first sign-in):\n${changed.generatedPassword}`,
            );
          return;
        }
        case 'remove':
          await audited('user-remove', needName(), () => accounts.removeUser(needName()));
          return void console.log(`removed ${name}; their sessions have ended`);
        case 'list':
          for (const u of await accounts.listUsers()) {
            const scope = [
              ...u.scope.queues.map((q) => `queue ${q}`),
              ...u.scope.groups.map((g) => `group ${g}`),
            ];
            console.log(
              `${u.name}\t${u.role}\t${scope.join(', ') || 'all'}${u.mustChangePassword ? '\t(one-time password)' : ''}`,
            );
          }
          return;
        default:
          throw new UsageError(command ? `unknown command "${command}"` : `say what to do: ${USAGE}`);
      }
    });
  } catch (error) {
    if (error instanceof AccountError || error instanceof EnvError) throw new Error(error.message);
    throw error;
  }
}

runCli('user', main);
