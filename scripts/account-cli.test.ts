import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { signIn } from '@/server/test-helpers/sign-in';
import { startTestSidecar, type TestSidecar } from '@/server/test-helpers/test-sidecar';
import { REPO_ROOT } from './test-helpers/node-process';
import { runScript } from './test-helpers/run-script';

/**
 * Issue 11: `npm run user` and `npm run token` against the store of a RUNNING sidecar (the same
 * DATA_DIR): changes take effect there without a restart, and each is in the audit log.
 */

let dataDir: string;
let sidecar: TestSidecar;
const env = () => ({ DATA_DIR: dataDir, DATABASE_URL: undefined });
const user = (args: string[], input?: string) => runScript('user', args, env(), input);
const token = (args: string[]) => runScript('token', args, env());

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'confwatch-cli-'));
  sidecar = await startTestSidecar({}, dataDir);
});
afterAll(async () => {
  await sidecar.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('npm run user (issue 11)', () => {
  test('add reads the password from standard input when it is not a terminal; the user signs in at once', async () => {
    const added = await user(
      ['add', 'sam', '--role', 'supervisor', '--queues', 'Sales,Support'],
      'piped password 123\n',
    );
    expect(added).toMatchObject({ code: 0, stdout: 'added sam (supervisor)\n' });
    const session = await signIn(sidecar.url, 'sam', 'piped password 123');
    expect(session.status).toBe(200);
    expect(session.body).toMatchObject({ name: 'sam', role: 'supervisor', mustChangePassword: false });
    expect(session.body.scope).toBe('queues Sales, Support');
  });

  test('add with nothing piped in generates a password, prints it once, and it must be changed', async () => {
    const added = await user(['add', 'pat', '--role', 'manager']);
    expect(added.code).toBe(0);
    const password = added.stdout.trim().split('\n').at(-1)!;
    expect(password).toMatch(/^\S{16,}$/);
    expect(added.stdout.split(password)).toHaveLength(2);
    const session = await signIn(sidecar.url, 'pat', password);
    expect(session.body).toMatchObject({ mustChangePassword: true });
  });

  test('add in a terminal generates the password too', async () => {
    // `script` gives the command a pseudo-terminal, as a person typing it has.
    const tsx = join(REPO_ROOT, 'node_modules/.bin/tsx');
    const output = await new Promise<string>((resolve) => {
      const child = spawn(
        'script',
        ['-qec', `${tsx} scripts/user.ts add tty-user --role wallboard`, '/dev/null'],
        {
          cwd: REPO_ROOT,
          env: { ...process.env, DATA_DIR: dataDir },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let text = '';
      child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
      child.on('close', () => resolve(text));
    });
    expect(output).toContain('added tty-user (wallboard)');
    const password = output.trim().split(/\r?\n/).at(-1)!.trim();
    expect((await signIn(sidecar.url, 'tty-user', password)).status).toBe(200);
  }, 30_000);

  test('passwd sets a new password from standard input and ends the old sessions; the old one fails', async () => {
    const before = await signIn(sidecar.url, 'sam', 'piped password 123');
    expect((await user(['passwd', 'sam'], 'another password 456')).code).toBe(0);
    expect((await signIn(sidecar.url, 'sam', 'piped password 123')).status).toBe(401);
    expect((await signIn(sidecar.url, 'sam', 'another password 456')).status).toBe(200);
    const old = await fetch(`${sidecar.url}/api/auth/session`, { headers: { cookie: before.cookie! } });
    expect(old.status).toBe(401);
  });

  test('list shows each user with role and scope; remove takes a user away; mistakes say what is wrong', async () => {
    const listed = await user(['list']);
    expect(listed.stdout).toContain('sam\tsupervisor\tqueue Sales, queue Support');
    expect(listed.stdout).toMatch(/pat\tmanager\tall\t\(one-time password\)/);
    expect(listed.stdout).not.toMatch(/scrypt|\$/);
    expect((await user(['remove', 'pat'])).code).toBe(0);
    expect((await user(['list'])).stdout).not.toContain('pat\t');
    expect(await user(['remove', 'pat'])).toMatchObject({ code: 1, stderr: 'user: there is no user pat\n' });
    expect((await user(['add', 'x', '--role', 'ingest'])).code).toBe(2);
    expect((await user(['add', 'short', '--role', 'manager'], 'too short')).stderr).toMatch(/12 characters/);
  });
});

describe('npm run token (issue 11)', () => {
  test('create prints the token alone on the last line; it works at once; revoke stops it within 10 s', async () => {
    const created = await token([
      'create',
      '--role',
      'supervisor',
      '--name',
      'lobby screen',
      '--hierarchy',
      'Berlin',
    ]);
    expect(created.code).toBe(0);
    const secret = created.stdout.trimEnd().split('\n').at(-1)!;
    expect(secret).toMatch(/^cw_[0-9a-f]{12}_[A-Za-z0-9_-]{32}$/);
    expect((await sidecar.get('/api/conferences', secret)).status).toBe(200);
    const id = secret.split('_')[1]!;

    const listed = await token(['list']);
    expect(listed.stdout).toContain(`${id}\tsupervisor\tlobby screen\tgroup Berlin\tlive`);
    expect(listed.stdout).not.toContain(secret);

    expect((await token(['revoke', id])).code).toBe(0);
    const started = Date.now();
    while ((await sidecar.get('/api/conferences', secret)).status !== 401) {
      expect(Date.now() - started).toBeLessThan(10_000);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect((await token(['list'])).stdout).toMatch(new RegExp(`${id}\\t.*\\trevoked `));
  }, 30_000);

  test('every change the commands made is in the audit log, by the command line', async () => {
    const entries = (await sidecar.get('/api/audit?limit=1000')).body.entries as {
      actor: string;
      action: string;
      target: string;
      outcome: string;
    }[];
    const cli = entries.filter((e) => e.actor.startsWith('command line ('));
    const seen = cli.map((e) => `${e.action} ${e.target} ${e.outcome}`);
    expect(seen).toEqual(
      expect.arrayContaining([
        'user-add sam ok',
        'user-add pat ok',
        'user-passwd sam ok',
        'user-remove pat ok',
        'user-remove pat failed',
        'token-create lobby screen ok',
        expect.stringMatching(/^token-revoke [0-9a-f]{12} ok$/),
      ]),
    );
  });
});
