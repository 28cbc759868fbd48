import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { launchServer, tempDir } from './support.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('a server that cannot start says why and stops', () => {
  it('a data directory that is a file', async () => {
    const root = tempDir();
    dirs.push(root);
    const file = path.join(root, 'kontor-data');
    fs.writeFileSync(file, 'not a directory');
    const server = launchServer({ dataDir: file });
    const { code } = await server.exited;
    expect(code, server.output()).toBe(78);
    expect(server.output()).toContain(`Kontor cannot start: KONTOR_DATA_DIR ${file} is not a directory`);
    expect(server.output()).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('a port another program holds', async () => {
    const root = tempDir();
    dirs.push(root);
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const server = launchServer({ dataDir: path.join(root, 'data'), port });
      const { code } = await server.exited;
      expect(code, server.output()).toBe(78);
      expect(server.output()).toContain(`Kontor cannot start: cannot listen on 127.0.0.1:${port} (the port is in use)`);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  }, 180_000);
});
