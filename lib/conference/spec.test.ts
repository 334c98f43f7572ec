import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SPEC_PATH = 'lib/conference/SPEC.md';

/**
 * A cited rule id: one of the families R, M, O, E, A (and confwatch's own S and L) and a number from 1 to 99, standing alone. Not
 * preceded by a letter, digit or `#` (hex colours, `0xE1`, `1E5`) and not followed by a word
 * character (`E2E`, `A1B2C3`), a decimal part or a number after a space: SVG path data such as
 * `M12 7v6` or `M4.9 4.9` is coordinates, not citations.
 */
const RULE_ID = /(?<![\p{L}\p{N}_#])[RMOEASL][1-9]\d?(?![\p{L}\p{N}_]|\.\d|\s*-?\d)/gu;

/** A definition in SPEC.md: a list item that opens with the id in bold. */
const DEFINITION = /^- \*\*([RMOEASL][1-9]\d?)\*\* — /;

/** The rule families every id of the shared domain documents belongs to, with their sizes. */
const FAMILIES = { R: 30, M: 8, O: 5, E: 5, A: 7 } as const;

const SCANNED = /\.(ts|tsx|js|mjs|cjs|md|css)$/;

type Citation = { file: string; line: number; id: string };

function listRepositoryFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  return out
    .split('\0')
    .filter((file) => SCANNED.test(file) && existsSync(join(REPO_ROOT, file)))
    .sort();
}

function findCitations(file: string, text: string): Citation[] {
  const citations: Citation[] = [];
  text.split('\n').forEach((content, index) => {
    for (const match of content.matchAll(RULE_ID)) citations.push({ file, line: index + 1, id: match[0] });
  });
  return citations;
}

function listDefinitions(spec: string): { id: string; line: number }[] {
  return spec.split('\n').flatMap((content, index) => {
    const match = DEFINITION.exec(content);
    return match ? [{ id: match[1]!, line: index + 1 }] : [];
  });
}

const spec = readFileSync(join(REPO_ROOT, SPEC_PATH), 'utf8');
const definitions = listDefinitions(spec);
const defined = new Set(definitions.map((d) => d.id));

describe('SPEC.md defines every rule id the repository cites', () => {
  test('the id pattern finds citations and passes over colours, SVG paths and identifiers', () => {
    const ids = (text: string) => [...text.matchAll(RULE_ID)].map((m) => m[0]);
    // Spelt in two parts so that this file does not cite an undefined id itself.
    const unknown = ['R', '99'].join('');
    expect(ids(`test("R13 any agent", () => {}) // M8, O4; (A1–A7) and ${unknown}.`)).toEqual([
      'R13',
      'M8',
      'O4',
      'A1',
      'A7',
      unknown,
    ]);
    expect(ids('color: #A1B2C3; #E1E1E1; 0xE1; 1E5; E2E_PORT_OFFSET; R2D2; MR1; A4x')).toEqual([]);
    expect(ids('<path d="M12 7v6M12 17h.01" /> <path d="M4.9 4.9l1.4 1.4M20 14.5A8.5 8.5 0 0 1" />')).toEqual(
      [],
    );
  });

  test('SPEC.md defines each id once', () => {
    const seen = new Map<string, number>();
    const twice: string[] = [];
    for (const { id, line } of definitions) {
      const first = seen.get(id);
      if (first !== undefined) twice.push(`${id} at ${SPEC_PATH}:${first} and :${line}`);
      else seen.set(id, line);
    }
    expect(twice, 'defined more than once').toEqual([]);
  });

  test('SPEC.md defines every rule of the shared domain documents: R1–R30, M1–M8, O1–O5, E1–E5, A1–A7', () => {
    const missing = Object.entries(FAMILIES).flatMap(([family, size]) =>
      Array.from({ length: size }, (_, i) => `${family}${i + 1}`).filter((id) => !defined.has(id)),
    );
    expect(missing).toEqual([]);
  });

  test('every rule id cited in a source, test or document file is defined in SPEC.md', () => {
    const files = listRepositoryFiles();
    const citations = files.flatMap((file) =>
      findCitations(file, readFileSync(join(REPO_ROOT, file), 'utf8')),
    );
    // The scan must see the repository, or it would pass on nothing.
    expect(files).toContain(SPEC_PATH);
    expect(new Set(citations.map((c) => c.file)).size).toBeGreaterThan(50);
    const undefinedIds = citations
      .filter((c) => !defined.has(c.id))
      .map((c) => `${c.file}:${c.line} cites ${c.id}, which ${SPEC_PATH} does not define`);
    expect(undefinedIds).toEqual([]);
  });
});
