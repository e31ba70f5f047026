import { cpuPercent, parseMachineBusyTicks, parseProcStatTicks } from '../src/processes/cpu';

describe('reading CPU time from /proc', () => {
  it('takes utime + stime of a process, even with spaces and parentheses in its name', () => {
    const stat = '4242 (node (my) app) S 1 4242 4242 0 -1 4194560 9000 0 0 0 250 75 0 0 20 0 11 0 123 1000 200';
    expect(parseProcStatTicks(stat)).toBe(325);
  });

  it('takes the busy time of the whole machine from the first line of /proc/stat', () => {
    // user nice system idle iowait irq softirq steal guest guest_nice
    const stat = 'cpu  100 5 50 9000 20 3 2 10 0 0\ncpu0 50 2 25 4500 10 1 1 5 0 0\n';
    expect(parseMachineBusyTicks(stat)).toBe(100 + 5 + 50 + 10);
  });

  it('gives CPU as a share of one core', () => {
    expect(cpuPercent(500, 1000)).toBe(50);
    expect(cpuPercent(1500, 1000)).toBe(150);
  });
});
