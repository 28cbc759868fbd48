import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { BackupKind } from './backup-names.ts';

export const MANIFEST_FILE = 'manifest.json';
export const DATABASE_FILE = 'kontor.db';
export const MANIFEST_FORMAT = 'kontor-backup';

export interface ManifestFile {
  /** Path inside the archive and relative to the data directory, with forward slashes. */
  path: string;
  size: number;
  sha256: string;
}

/** The first member of every backup archive: what it holds and how to check it. */
export interface Manifest {
  format: typeof MANIFEST_FORMAT;
  formatVersion: 1;
  kontorVersion: string;
  createdAt: string;
  kind: BackupKind;
  hostname: string;
  database: { file: string; pageSize: number; pageCount: number; integrityCheck: 'ok'; migrations: string[] };
  /** Rows per table of the database in the archive. */
  counts: Record<string, number>;
  files: ManifestFile[];
  totalBytes: number;
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest('hex');
}

/** Parses and shape-checks a manifest; throws with a message naming what is wrong. */
export function parseManifest(text: string): Manifest {
  let value: any;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error('the manifest is not valid JSON');
  }
  if (value?.format !== MANIFEST_FORMAT) throw new Error('this is not a Kontor backup (manifest format)');
  if (value.formatVersion !== 1) throw new Error(`unsupported backup format version ${value.formatVersion}`);
  if (!Array.isArray(value.files) || typeof value.counts !== 'object' || typeof value.database?.file !== 'string') {
    throw new Error('the manifest is incomplete');
  }
  for (const f of value.files) {
    if (typeof f?.path !== 'string' || typeof f.size !== 'number' || !/^[0-9a-f]{64}$/.test(f.sha256)) {
      throw new Error('the manifest lists a file without path, size or checksum');
    }
  }
  return value as Manifest;
}
