import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'node:test';
import { fileURLToPath } from 'node:url';

// workspace-host.js imports ../dist/workspace.js: give it a stand-in whose mount takes a while,
// as the real one does (item, slices, hub), and count the workspaces that are up.
const FAKE_WORKSPACE = `
export const live = new Set();
let n = 0;
export async function mount() {
  const id = ++n;
  await new Promise((r) => setTimeout(r, 20));
  live.add(id);
  return { id, unmount() { live.delete(id); }, saveState: () => ({ state: 'saved' }) };
}`;

async function hostWithSlowWorkspace() {
  const dir = await mkdtemp(join(tmpdir(), 'weakseg-host-'));
  await mkdir(join(dir, 'js')); await mkdir(join(dir, 'dist'));
  await copyFile(fileURLToPath(new URL('../js/workspace-host.js', import.meta.url)), join(dir, 'js', 'workspace-host.js'));
  await writeFile(join(dir, 'dist', 'workspace.js'), FAKE_WORKSPACE);
  globalThis.document ??= { querySelector: () => null, addEventListener() {}, removeEventListener() {} };
  globalThis.Element ??= class { isConnected = true; };
  const host = await import(join(dir, 'js', 'workspace-host.js'));
  const { live } = await import(join(dir, 'dist', 'workspace.js'));
  return { host, live };
}

const onPage = () => new globalThis.Element();

test('Two mounts that overlap leave one workspace listening, the newer one', async () => {
  const { host, live } = await hostWithSlowWorkspace();
  await Promise.all([host.mount(onPage(), {}), host.mount(onPage(), {})]);
  assert.equal(live.size, 1);
  host.unmount();
  assert.equal(live.size, 0);
});

test('An unmount while a mount is under way leaves no workspace up', async () => {
  const { host, live } = await hostWithSlowWorkspace();
  const mounting = host.mount(onPage(), {});
  host.unmount();
  await mounting;
  assert.equal(live.size, 0);
});

test('A workspace that comes up after it was superseded is unmounted at once', async () => {
  const { host, live } = await hostWithSlowWorkspace();
  const first = host.mount(onPage(), {});
  await new Promise((r) => setTimeout(r, 5)); // the first is inside the workspace's own mount now
  const second = host.mount(onPage(), {});
  await Promise.all([first, second]);
  assert.equal(live.size, 1);
  host.unmount();
  assert.equal(live.size, 0);
});

test('An element that is not on the page yet mounts nothing and says so, for the page to retry', async () => {
  const { host, live } = await hostWithSlowWorkspace();
  const detached = onPage();
  detached.isConnected = false;
  assert.equal(await host.mount(detached, {}), false);
  assert.equal(await host.mount({}, {}), false);
  assert.equal(live.size, 0);
  assert.equal(await host.mount(onPage(), {}), true);
  assert.equal(live.size, 1);
});
