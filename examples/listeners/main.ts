// Listeners: map entry listeners (every entry, and one key only), a membership listener, a
// lifecycle listener and a queue item listener, each printing the events it gets.
import { Client, formatAddress, type EntryEvent, type LifecycleState } from '@hz/client';
import { findCluster } from '../support/cluster';

const say = (line: string): void => console.log(line);

/** Waits until `done()` holds (events arrive asynchronously), at most 10 s. */
async function until(done: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function main(): Promise<void> {
  const { clusterName, members, dev } = await findCluster(2);

  // A lifecycle listener given in the config sees the client start, connect and shut down.
  const states: LifecycleState[] = [];
  const client = await Client.newHazelcastClient({
    clusterName,
    network: { clusterMembers: members },
    properties: { 'hazelcast.logging.level': 'WARN' },
    lifecycleListeners: [
      (state) => {
        states.push(state);
        say(`lifecycle: ${state}`);
      },
    ],
  });
  try {
    // Map entry listeners. With includeValue the events carry the new and the old value.
    const map = await client.getMap<string, string>('listener-map');
    await map.clear();
    let events = 0;
    const show = (kind: string) => (e: EntryEvent<string, string>) => {
      events++;
      say(`  entry listener: ${kind} ${e.key} value=${String(e.value)} oldValue=${String(e.oldValue)}`);
    };
    const allId = await map.addEntryListener({ added: show('added'), updated: show('updated'), removed: show('removed') }, undefined, true);
    let keyEvents = 0;
    const keyId = await map.addEntryListener(
      {
        added: (e) => {
          keyEvents++;
          say(`  key listener ("watched"): added ${e.key} value=${String(e.value)}`);
        },
        updated: (e) => {
          keyEvents++;
          say(`  key listener ("watched"): updated ${e.key} value=${String(e.value)}`);
        },
      },
      'watched',
      true,
    );
    say('added an entry listener (added, updated, removed, with values) and one for the key "watched"');

    say('put("a", "1")');
    await map.put('a', '1');
    await until(() => events === 1, 'the added event');
    say('put("a", "2")');
    await map.put('a', '2');
    await until(() => events === 2, 'the updated event');
    say('remove("a")');
    await map.remove('a');
    await until(() => events === 3, 'the removed event');
    say('put("watched", "x")');
    await map.put('watched', 'x');
    await until(() => events === 4 && keyEvents === 1, 'the events of "watched"');
    await map.removeEntryListener(allId);
    await map.removeEntryListener(keyId);

    // A membership listener: init gets the current members, then joins and leaves.
    let joined = 0;
    let left = 0;
    const membershipId = client.getCluster().addMembershipListener({
      init: (e) => say(`membership: ${e.members.length} member(s) at registration`),
      memberAdded: (e) => {
        joined++;
        say(`membership: member added ${formatAddress(e.member.address)} (now ${e.members.length})`);
      },
      memberRemoved: (e) => {
        left++;
        say(`membership: member removed ${formatAddress(e.member.address)} (now ${e.members.length})`);
      },
    });
    if (dev) {
      say('starting a third member');
      const third = await dev.startMember();
      await until(() => joined === 1, 'the member added event');
      say('stopping the third member');
      await dev.killMember(third);
      await until(() => left === 1, 'the member removed event');
    }
    client.getCluster().removeMembershipListener(membershipId);

    // A queue item listener, with the items.
    const queue = await client.getQueue<string>('listener-queue');
    await queue.clear();
    let items = 0;
    const itemId = await queue.addItemListener(
      {
        itemAdded: (e) => {
          items++;
          say(`  item listener: added ${String(e.item)}`);
        },
        itemRemoved: (e) => {
          items++;
          say(`  item listener: removed ${String(e.item)}`);
        },
      },
      true,
    );
    say('offer("job-1") to the queue "listener-queue"');
    await queue.offer('job-1');
    await until(() => items === 1, 'the item added event');
    say(`poll(): ${String(await queue.poll())}`);
    await until(() => items === 2, 'the item removed event');
    await queue.removeItemListener(itemId);
    say('shutting down the client');
  } finally {
    await client.shutdown();
    await dev?.shutdown();
  }
  say(`lifecycle states seen: ${states.join(', ')}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
