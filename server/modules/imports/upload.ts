import type {} from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../http/errors.ts';

export interface UploadedFile {
  name: string;
  buffer: Buffer;
}

/** Upload limits: a 100 000-row CSV is around 15 MB. */
export const UPLOAD_LIMITS = { fileSize: 50 * 1024 * 1024, files: 1, fields: 20, fieldSize: 1024 * 1024, parts: 25 };

/**
 * Reads a multipart upload: text fields first, then one part named "file". `beforeFile` sees the
 * fields before the file is read, so a bad request is refused without taking the upload.
 */
export async function readUpload<T>(
  request: FastifyRequest,
  beforeFile: (fields: Map<string, string>) => Promise<T>,
): Promise<{ checked: T; file: UploadedFile }> {
  if (!request.isMultipart()) {
    throw new AppError('unsupported_media_type', 'Send multipart/form-data: the fields first, then the file');
  }
  const fields = new Map<string, string>();
  let result: { checked: T; file: UploadedFile } | null = null;
  for await (const part of request.parts()) {
    if (part.type === 'field') {
      if (!result) fields.set(part.fieldname, String(part.value));
      continue;
    }
    if (part.fieldname !== 'file') {
      throw new AppError('validation_failed', `Unexpected file part "${part.fieldname}"`, [
        { path: part.fieldname, message: 'the file part must be named "file"' },
      ]);
    }
    const checked = await beforeFile(fields);
    const buffer = await part.toBuffer();
    result = { checked, file: { name: part.filename || 'upload', buffer } };
  }
  if (!result) throw new AppError('validation_failed', 'No file was uploaded', [{ path: 'file', message: 'is required' }]);
  if (result.file.buffer.length === 0) {
    throw new AppError('validation_failed', 'The file is empty', [{ path: 'file', message: 'is empty' }]);
  }
  return result;
}
