import { describe, expect, it } from 'vitest';
import { safeRelativePath } from './receive-upload.ts';

describe('safeRelativePath', () => {
  it('keeps a picked folder’s relative path', () => {
    expect(safeRelativePath('evidence/logs/app.jsonl')).toBe('evidence/logs/app.jsonl');
    expect(safeRelativePath('evidence\\alerts\\firing.json')).toBe('evidence/alerts/firing.json');
  });

  it('never lets a name leave the upload folder or hide in it', () => {
    expect(safeRelativePath('../../etc/passwd')).toBe('etc/passwd');
    expect(safeRelativePath('/abs/./path/../x.json')).toBe('abs/path/x.json');
    expect(safeRelativePath('.git/config')).toBe('config');
    expect(safeRelativePath('../..')).toBeUndefined();
  });
});
