const which = process.argv[2] || 'ours';
const conc = Number(process.argv[3] || 256);
const dur = Number(process.argv[4] || 5) * 1000;
const op = process.argv[5] || 'get';
const R = require('module').createRequire(which === 'base' ? '/tmp/base/packages/proxies/package.json' : '/work/main/package.json');
const ballast = process.env.BALLAST ? Array.from({ length: Number(process.env.BALLAST) }, (_, i) => ({ i, s: 'x' + i, a: [i, i + 1] })) : null;
async function main() {
  const members = [process.env.ADDR];
  const cfg = { clusterName: 'dev', network: { clusterMembers: members }, properties: Object.assign({ 'hazelcast.logging.level': 'OFF' }, process.env.TH ? { 'hazelcast.client.autopipelining.threshold.bytes': Number(process.env.TH) } : {}) };
  let client, map;
  if (which === 'ours' || which === 'base') {
    const { HazelcastClient } = R('@hz/core'); const { getMap } = which === 'base' ? require('/tmp/base/packages/proxies/dist/map.cjs') : R('@hz/proxies/map');
    client = await HazelcastClient.newHazelcastClient(cfg); map = await getMap(client, 'm');
  } else {
    const { Client } = R('hazelcast-client');
    client = await Client.newHazelcastClient(cfg); map = await client.getMap('m');
  }
  const val = process.env.VB ? Buffer.alloc(Number(process.env.VS || 100), 7) : 'x'.repeat(Number(process.env.VS || 100));
  for (let i = 0; i < 1000; i++) await map.set('k' + i, val);
  let n = 0; let stop = false;
  const t0 = Date.now();
  const cpu0 = process.cpuUsage(); const ru0 = process.resourceUsage(); const io = () => Object.fromEntries(require('fs').readFileSync('/proc/self/io','utf8').trim().split('\n').map(l => l.split(': ')).map(([k, v]) => [k, Number(v)])); const io0 = io();
  const lat = []; async function worker(w) { let i = w; while (!stop) { const k = 'k' + (i++ % 1000); const t = process.hrtime.bigint(); if (op === 'get') await map.get(k); else if (op === 'put') await map.put(k, val); else await map.set(k, val); lat.push(Number(process.hrtime.bigint() - t) / 1e6); n++; } }
  const ws = []; for (let w = 0; w < conc; w++) ws.push(worker(w));
  await new Promise((r) => setTimeout(r, dur)); stop = true; await Promise.all(ws);
  const el = (Date.now() - t0) / 1000; const cu = process.cpuUsage(cpu0);
  lat.sort((a, b) => a - b); console.log('p50', lat[Math.floor(lat.length * 0.5)].toFixed(3), 'p99', lat[Math.floor(lat.length * 0.99)].toFixed(3), 'p999', lat[Math.floor(lat.length * 0.999)].toFixed(3)); console.log(which, op, 'x' + conc, Math.round(n / el), 'ops/s', 'cpu', Math.round((cu.user + cu.system) / 1e4 / el) + '%', 'us/op', ((cu.user + cu.system) / n).toFixed(2));
  const ru1 = process.resourceUsage(); const io1 = io(); console.log('syscr/op', ((io1.syscr - io0.syscr) / n).toFixed(2), 'syscw/op', ((io1.syscw - io0.syscw) / n).toFixed(2), 'rchar/op', Math.round((io1.rchar - io0.rchar) / n)); console.log('minflt/op', ((ru1.minorPageFault - ru0.minorPageFault) / n).toFixed(2), 'volctx/op', ((ru1.voluntaryContextSwitches - ru0.voluntaryContextSwitches) / n).toFixed(2)); await client.shutdown();
}
main().catch((e) => { console.error(e); process.exit(1); });
