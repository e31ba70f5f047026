// The README's main job must keep working: run the demo as a user would and check what it prints.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { REPO_ROOT } from './support/shared';

describe('the demo (main job)', () => {
  it('runs against an in-process member and prints each step', () => {
    const tsx = resolve(REPO_ROOT, 'node_modules/.bin/tsx');
    const env = { ...process.env };
    delete env.HZ_CLUSTER_MEMBERS;
    const out = execFileSync(tsx, ['examples/demo/main.ts'], { cwd: REPO_ROOT, env, encoding: 'utf8', timeout: 60_000 });
    expect(out).toContain('started an in-process development cluster');
    expect(out).toContain('map size: 4');
    expect(out).toContain('query "age >= 30": Aiko, Maria');
    expect(out).toContain('query "__key like M%": Maria, Mehmet');
    expect(out).toContain('count of engineering: 2');
    expect(out).toContain('  listener: added Aiko');
    expect(out).toContain('  polled rebuild-index');
    expect(out.trim().endsWith('done')).toBe(true);
  }, 90_000);
});
