import { spawn } from 'node:child_process';
import { MANIFEST_FILE } from './manifest.ts';

/** GNU tar (part of every Debian/Ubuntu system) does the archiving; these wrap the few calls Kontor makes. */

const RECORD_BYTES = 10240; // tar's default record (20 blocks of 512)
const CHECKPOINT_RECORDS = 100; // a progress report about every megabyte

interface TarRun {
  stdout: string;
  stderr: string;
}

function tar(args: string[], opts: { signal?: AbortSignal; onCheckpoint?: (records: number) => void } = {}): Promise<TarRun> {
  return new Promise((resolve, reject) => {
    const child = spawn('tar', args, { stdio: ['ignore', 'pipe', 'pipe'], signal: opts.signal });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      for (const line of chunk.split('\n')) {
        const m = /^tar: checkpoint (\d+)$/.exec(line.trim());
        if (m) opts.onCheckpoint?.(Number(m[1]));
        else if (line.trim()) stderr += `${line.trim()}\n`;
      }
    });
    child.on('error', (err) =>
      reject(
        (err as NodeJS.ErrnoException).code === 'ENOENT' ? new Error('GNU tar is not installed (apt-get install tar)') : err,
      ),
    );
    child.on('close', (code, signal) => {
      if (code === 0) resolve({ stdout, stderr });
      else
        reject(new Error(`tar ${signal ? `was killed (${signal})` : `failed (exit ${code})`}: ${stderr.trim() || 'no message'}`));
    });
  });
}

/** Packs `members` of `dir` (in this order; the manifest first) into a gzip-compressed tar file. */
export async function packArchive(
  dir: string,
  members: string[],
  file: string,
  opts: { signal?: AbortSignal; onBytes?: (bytes: number) => void } = {},
): Promise<void> {
  await tar(
    [
      '--create',
      '--gzip',
      `--file=${file}`,
      `--directory=${dir}`,
      '--owner=0',
      '--group=0',
      '--numeric-owner',
      `--checkpoint=${CHECKPOINT_RECORDS}`,
      '--checkpoint-action=echo=checkpoint %u',
      '--',
      ...members,
    ],
    { signal: opts.signal, onCheckpoint: (n) => opts.onBytes?.(n * RECORD_BYTES) },
  );
}

export interface ArchiveListing {
  regularFiles: number;
  directories: number;
  /** Listing lines of members that are neither regular files nor directories (links, devices …). */
  others: string[];
}

/** Lists an archive's member types; reading it through also checks the gzip checksum of the whole stream. */
export async function listArchive(file: string, signal?: AbortSignal): Promise<ArchiveListing> {
  const { stdout } = await tar(['--list', '--verbose', '--gzip', `--file=${file}`], { signal });
  const listing: ArchiveListing = { regularFiles: 0, directories: 0, others: [] };
  for (const line of stdout.split('\n')) {
    if (!line) continue;
    if (line[0] === '-') listing.regularFiles++;
    else if (line[0] === 'd') listing.directories++;
    else listing.others.push(line);
  }
  return listing;
}

/** Extracts an archive into an existing folder, never with the archive's owners or modes. */
export async function extractArchive(file: string, dir: string): Promise<void> {
  await tar([
    '--extract',
    '--gzip',
    `--file=${file}`,
    `--directory=${dir}`,
    '--no-same-owner',
    '--no-same-permissions',
    '--no-overwrite-dir',
  ]);
}

/** The manifest text, read from the start of the archive without unpacking the rest. */
export async function readArchiveManifest(file: string): Promise<string> {
  const { stdout } = await tar(['--extract', '--gzip', `--file=${file}`, '--to-stdout', '--occurrence=1', '--', MANIFEST_FILE]);
  return stdout;
}
