/**
 * Checks that every name a user can type means one tool: an alias claimed by two notes, or equal to
 * another note's id or display name, is an error (the lookup would pick one silently); a user note that
 * replaces a built-in note, or takes over one of its names, gets a warning saying what it shadows.
 */
import type { ParsedToolNote } from './note.js';
import type { Positions } from './schema.js';
import type { Problem } from './types.js';
import { normalizeName } from '../text/names.js';

type Note = Pick<ParsedToolNote, 'id' | 'name' | 'aliases' | 'path' | 'positions'>;

function at(note: Note, key: string, severity: Problem['severity'], message: string, hint: string): Problem {
  const [line, column] = note.positions[key] ?? [2, 1];
  return { file: note.path, line, column, severity, message, hint };
}

/**
 * `tools` are the notes after overrides; `builtins` the shipped notes they were merged over (empty when
 * the shipped notes themselves are checked). Problems land on the notes that are not built in.
 */
export function nameProblems(tools: Note[], builtins: Note[] = []): Problem[] {
  const problems: Problem[] = [];
  const shipped = new Set(builtins);
  const byId = new Map(tools.map((t) => [t.id, t]));
  // Which note claims each normal form, and how: ids first, then display names, then aliases.
  const claims = new Map<string, { note: Note; how: 'id' | 'name' | 'alias' }>();
  for (const t of tools) claims.set(t.id, { note: t, how: 'id' });
  for (const t of tools) {
    const n = normalizeName(t.name);
    const owner = claims.get(n);
    if (!owner) claims.set(n, { note: t, how: 'name' });
    else if (owner.note !== t && !shipped.has(t)) {
      problems.push(at(t, 'name', 'warning', `name \`${t.name}\` is also ${owner.how === 'id' ? 'the id' : 'the name'} of \`${owner.note.id}\``, `\`show ${t.name}\` finds ${owner.note.id}; give one of them a more specific name`));
    }
  }
  for (const t of tools) {
    t.aliases.forEach((alias, i) => {
      const n = normalizeName(alias);
      const owner = claims.get(n);
      if (!owner) {
        claims.set(n, { note: t, how: 'alias' });
        return;
      }
      if (owner.note === t || shipped.has(t)) return;
      const builtinOwner = shipped.has(owner.note);
      problems.push(
        at(
          t,
          `aliases.${i}`,
          builtinOwner ? 'warning' : 'error',
          `alias \`${alias}\` is already ${owner.how === 'alias' ? 'an alias' : owner.how === 'id' ? 'the id' : 'the name'} of \`${owner.note.id}\`${builtinOwner ? ' (built in)' : ''}`,
          builtinOwner ? `\`show ${alias}\` keeps finding ${owner.note.id}; drop the alias or override that note` : `each name must mean one tool: remove it here or from ${owner.note.path}`,
        ),
      );
      // Report the pair once on each user note involved.
      if (!builtinOwner && owner.how === 'alias') {
        const j = owner.note.aliases.findIndex((a) => normalizeName(a) === n);
        problems.push(at(owner.note, `aliases.${j}`, 'error', `alias \`${alias}\` is also an alias of \`${t.id}\``, `each name must mean one tool: remove it here or from ${t.path}`));
      }
    });
  }
  // A user note replacing a built-in one, or named like a built-in alias, shadows it.
  const builtinAlias = new Map<string, Note>();
  for (const b of builtins) for (const a of b.aliases) builtinAlias.set(normalizeName(a), b);
  for (const b of builtins) {
    const t = byId.get(b.id);
    if (t && t !== b && !shipped.has(t) && t.path !== b.path) {
      problems.push(at(t, 'id', 'warning', `\`${t.id}\` replaces the built-in note of that id entirely`, `to change a few lines, start from the built-in text: \`devops-kb edit ${t.id}\``));
    }
  }
  for (const t of tools) {
    const b = builtinAlias.get(t.id);
    if (b && !shipped.has(t) && b.id !== t.id) {
      problems.push(at(t, 'id', 'warning', `\`${t.id}\` is an alias of the built-in \`${b.id}\`; \`show ${t.id}\` will now show this note`, 'pick another id unless you mean to take the name over'));
    }
  }
  return problems;
}
